package dev.mocks3.s3.tiering;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.config.ConfigurationFilter;
import dev.mocks3.s3.config.ConfigurationsById;
import dev.mocks3.state.config.BucketSetting;

/**
 * An S3 Intelligent-Tiering archive configuration: Enabled or Disabled, with one or two tierings
 * (ARCHIVE_ACCESS after 90 to 730 days, DEEP_ARCHIVE_ACCESS after 180 to 730). Stored; nothing is archived.
 */
public final class IntelligentTieringConfiguration {
    public static final ConfigurationsById.Kind KIND = new ConfigurationsById.Kind(BucketSetting.INTELLIGENT_TIERING,
            "IntelligentTieringConfiguration", "ListBucketIntelligentTieringConfigurationsOutput");
    private static final int MAX_DAYS = 730;

    private IntelligentTieringConfiguration() {
    }

    public static void check(Element configuration) {
        ConfigurationFilter.check(configuration, Set.of("Prefix", "Tag", "And"));
        if (!Set.of("Enabled", "Disabled").contains(XmlDocument.requiredText(configuration, "Status"))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<Element> tierings = XmlDocument.children(configuration, "Tiering");
        if (tierings.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception();
        }
        Set<String> tiers = new HashSet<>();
        for (Element tiering : tierings) {
            String tier = XmlDocument.requiredText(tiering, "AccessTier");
            int fewest = switch (tier) {
                case "ARCHIVE_ACCESS" -> 90;
                case "DEEP_ARCHIVE_ACCESS" -> 180;
                default -> throw S3Error.MALFORMED_XML.exception();
            };
            if (!tiers.add(tier)) {
                throw S3Error.MALFORMED_XML.exception();
            }
            int days = days(XmlDocument.requiredText(tiering, "Days"));
            if (days < fewest || days > MAX_DAYS) {
                throw S3Error.INVALID_ARGUMENT.exception("The " + tier + " tier requires between " + fewest + " and "
                        + MAX_DAYS + " days.").with("ArgumentName", "Days").with("ArgumentValue", String.valueOf(days));
            }
        }
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw S3Error.MALFORMED_XML.exception();
        }
    }
}
