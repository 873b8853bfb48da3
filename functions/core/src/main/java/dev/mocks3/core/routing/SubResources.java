package dev.mocks3.core.routing;

import java.util.Set;

/**
 * Query parameters that select an S3 sub-resource. A request naming one that no route serves is
 * answered NotImplemented instead of silently falling through to the plain operation.
 */
public final class SubResources {
    private static final Set<String> NAMES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption",
            "intelligent-tiering", "inventory", "legal-hold", "lifecycle", "location", "logging",
            "metrics", "notification", "object-lock", "ownershipControls", "partNumber", "policy",
            "policyStatus", "publicAccessBlock", "replication", "requestPayment", "restore",
            "retention", "select", "session", "tagging", "torrent", "uploadId", "uploads",
            "versioning", "versions", "website");

    private SubResources() {
    }

    public static boolean isSubResource(String queryKey) {
        return NAMES.contains(queryKey);
    }
}
