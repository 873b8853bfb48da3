package dev.mocks3.s3.analytics;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.config.BucketArn;
import dev.mocks3.s3.config.ConfigurationFilter;
import dev.mocks3.s3.config.ConfigurationsById;
import dev.mocks3.state.config.BucketSetting;

/**
 * A storage class analysis configuration: a filter, and a {@code StorageClassAnalysis} that may export
 * (schema V_1, CSV, to a bucket ARN). Stored, not run: no analysis is exported.
 */
public final class AnalyticsConfiguration {
    public static final ConfigurationsById.Kind KIND = new ConfigurationsById.Kind(BucketSetting.ANALYTICS,
            "AnalyticsConfiguration", "ListBucketAnalyticsConfigurationResult");

    private AnalyticsConfiguration() {
    }

    public static void check(Element configuration) {
        ConfigurationFilter.check(configuration, Set.of("Prefix", "Tag", "And"));
        Element analysis = XmlDocument.onlyChild(configuration, "StorageClassAnalysis");
        Element export = XmlDocument.optionalChild(analysis, "DataExport");
        if (export == null) {
            return;
        }
        if (!"V_1".equals(XmlDocument.requiredText(export, "OutputSchemaVersion"))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        Element destination = XmlDocument.onlyChild(XmlDocument.onlyChild(export, "Destination"), "S3BucketDestination");
        if (!"CSV".equals(XmlDocument.requiredText(destination, "Format"))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        BucketArn.bucketName(XmlDocument.requiredText(destination, "Bucket"));
    }
}
