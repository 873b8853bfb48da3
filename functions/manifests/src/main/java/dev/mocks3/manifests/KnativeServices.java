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

    /**
     * Appends one Knative service of the {@code mocks3-app} image serving {@code definition},
     * reached only from inside the cluster (the S3 gateway, the broker), never on a public URL.
     *
     * @param label     the label saying what it serves ({@code mocks3.dev/operation}, {@code mocks3.dev/job}) and its value
     * @param extraEnv  more environment variables, as name, value, name, value...
     */
    static void appendAppService(StringBuilder yaml, String name, String component, String label, String value,
                                 String definition, String... extraEnv) {
        yaml.append("---\n")
            .append("apiVersion: serving.knative.dev/v1\n")
            .append("kind: Service\n")
            .append("metadata:\n")
            .append("  name: ").append(name).append('\n')
            .append("  labels:\n")
            .append("    app.kubernetes.io/name: ").append(KnativeServicesWriter.IMAGE).append('\n')
            .append("    app.kubernetes.io/part-of: mocks3\n")
            .append("    app.kubernetes.io/component: ").append(component).append('\n')
            .append("    ").append(label).append(": ").append(value).append('\n')
            .append("    networking.knative.dev/visibility: cluster-local\n")
            .append("spec:\n")
            .append("  template:\n")
            .append("    metadata:\n")
            .append("      labels:\n")
            .append("        app.kubernetes.io/part-of: mocks3\n")
            .append("        ").append(label).append(": ").append(value).append('\n')
            .append("    spec:\n")
            .append("      containers:\n")
            .append("        - name: app\n")
            .append("          image: ").append(KnativeServicesWriter.IMAGE).append('\n')
            .append("          env:\n")
            .append("            - name: SPRING_CLOUD_FUNCTION_DEFINITION\n")
            .append("              value: ").append(definition).append('\n');
        for (int i = 0; i + 1 < extraEnv.length; i += 2) {
            yaml.append("            - name: ").append(extraEnv[i]).append('\n')
                .append("              value: \"").append(extraEnv[i + 1]).append("\"\n");
        }
    }
}
