package dev.mocks3.s3.inventory;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.config.BucketArn;
import dev.mocks3.s3.config.ConfigurationFilter;
import dev.mocks3.s3.config.ConfigurationsById;
import dev.mocks3.state.config.BucketSetting;

/**
 * An inventory configuration: enabled or not, a destination (bucket ARN, CSV/ORC/Parquet), which versions,
 * a daily or weekly schedule and the optional fields listed. Stored; no inventory report is written.
 */
public final class InventoryConfiguration {
    public static final ConfigurationsById.Kind KIND = new ConfigurationsById.Kind(BucketSetting.INVENTORY,
            "InventoryConfiguration", "ListInventoryConfigurationsResult");
    private static final Set<String> FORMATS = Set.of("CSV", "ORC", "Parquet");
    private static final Set<String> FIELDS = Set.of("Size", "LastModifiedDate", "StorageClass", "ETag",
            "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus", "ObjectLockRetainUntilDate", "ObjectLockMode",
            "ObjectLockLegalHoldStatus", "IntelligentTieringAccessTier", "BucketKeyStatus", "ChecksumAlgorithm",
            "ObjectAccessControlList", "ObjectOwner");

    private InventoryConfiguration() {
    }

    public static void check(Element configuration) {
        ConfigurationFilter.check(configuration, Set.of("Prefix"));
        oneOf(configuration, "IsEnabled", Set.of("true", "false"));
        oneOf(configuration, "IncludedObjectVersions", Set.of("All", "Current"));
        oneOf(XmlDocument.onlyChild(configuration, "Schedule"), "Frequency", Set.of("Daily", "Weekly"));
        Element destination = XmlDocument.onlyChild(XmlDocument.onlyChild(configuration, "Destination"), "S3BucketDestination");
        oneOf(destination, "Format", FORMATS);
        BucketArn.bucketName(XmlDocument.requiredText(destination, "Bucket"));
        Element fields = XmlDocument.optionalChild(configuration, "OptionalFields");
        if (fields != null) {
            for (Element field : XmlDocument.children(fields, "Field")) {
                if (!FIELDS.contains(field.getTextContent().strip())) {
                    throw S3Error.MALFORMED_XML.exception();
                }
            }
        }
    }

    private static void oneOf(Element parent, String name, Set<String> values) {
        if (!values.contains(XmlDocument.requiredText(parent, name))) {
            throw S3Error.MALFORMED_XML.exception();
        }
    }
}
