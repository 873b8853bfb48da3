package dev.mocks3.manifests;

import dev.mocks3.core.routing.S3Operation;

/**
 * How the Knative services that serve S3 operations on a cluster are named and reached. One
 * service per operation, named after its function ({@code listObjectsV2} → {@code list-objects-v2}),
 * so a fault, a scale setting or a log line is about exactly one operation.
 */
public final class KnativeServices {

    /** The namespace of {@code knative/base}; the gateway routes address services in it. */
    public static final String NAMESPACE = "mocks3";

    private KnativeServices() {
    }

    /** The Knative service serving an operation: its function name in kebab case (a DNS label). */
    public static String name(S3Operation operation) {
        return kebab(operation.functionName());
    }

    /** A function name in kebab case: {@code lifecycleExpire} → {@code lifecycle-expire}. */
    public static String kebab(String function) {
        StringBuilder name = new StringBuilder(function.length() + 4);
        for (int i = 0; i < function.length(); i++) {
            char c = function.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                name.append('-');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }

    /** The cluster-local host Knative's internal ingress routes to that service (and wakes it from zero). */
    public static String clusterLocalHost(S3Operation operation) {
        return name(operation) + "." + NAMESPACE + ".svc.cluster.local";
    }
}
