package dev.mocks3.manifests;

import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.events.job.Job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class KnativeServicesCoverOperationsTest {

    private static final String BASE = "knative/base";

    @Test
    void committedServicesAreExactlyWhatTheOperationsRender() {
        assertThat(YamlDocuments.text(KnativeServicesWriter.OUTPUT))
                .as("%s is out of date with S3Operation; regenerate it: mvn -q -pl functions/manifests -am compile"
                        + " && java -cp functions/manifests/target/classes:functions/core/target/classes dev.mocks3.manifests.KnativeServicesWriter",
                        KnativeServicesWriter.OUTPUT)
                .isEqualTo(KnativeServicesWriter.render());
    }

    @Test
    void committedJobServicesAreExactlyWhatTheJobsRender() {
        assertThat(YamlDocuments.text(KnativeJobsWriter.OUTPUT))
                .as("%s is out of date with Job; regenerate it: mvn -q -pl functions/manifests -am compile && java -cp"
                        + " functions/manifests/target/classes:functions/core/target/classes:events/target/classes"
                        + " dev.mocks3.manifests.KnativeJobsWriter", KnativeJobsWriter.OUTPUT)
                .isEqualTo(KnativeJobsWriter.render());
    }

    @Test
    void everyJobIsServedBySomeServiceOfTheBaseAndTriggeredByItsType() {
        Map<String, Set<String>> functionsByService = functionsByService();
        Set<String> served = new HashSet<>();
        functionsByService.values().forEach(served::addAll);
        Set<String> triggered = new HashSet<>();
        for (JsonNode object : baseObjects()) {
            if ("Trigger".equals(object.path("kind").asText())) {
                triggered.add(object.path("spec").path("filter").path("attributes").path("type").asText());
            }
        }

        assertThat(Arrays.stream(Job.values())).allSatisfy(job -> {
            assertThat(served).contains(job.functionName());
            assertThat(triggered).contains(job.type());
        });
    }

    @Test
    void everyOperationIsServedBySomeServiceOfTheBase() {
        Map<String, Set<String>> functionsByService = functionsByService();
        Set<String> served = new HashSet<>();
        functionsByService.values().forEach(served::addAll);

        assertThat(Arrays.stream(S3Operation.values()).map(S3Operation::functionName))
                .as("functions no Knative service in %s selects (services: %s)", BASE, functionsByService)
                .allSatisfy(function -> assertThat(served).contains(function));
    }

    /** A blank definition builds every function: on a cluster each app service must name its own. */
    @Test
    void everyServiceRunningTheAppSetsItsFunctionDefinition() {
        List<String> unset = new ArrayList<>();
        for (JsonNode object : baseObjects()) {
            if ("mocks3-app".equals(object.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
                    && functionsByService().getOrDefault(object.path("metadata").path("name").asText(), Set.of()).isEmpty()) {
                unset.add(object.path("metadata").path("name").asText());
            }
        }
        assertThat(unset).as("Knative services of %s running mocks3-app without SPRING_CLOUD_FUNCTION_DEFINITION", BASE)
                .isEmpty();
    }

    @Test
    void everyGatewayRouteAndTriggerPointsAtAServiceOfTheBase() {
        Set<String> services = functionsByService().keySet();
        List<String> targets = new ArrayList<>();
        for (JsonNode route : YamlDocuments.readFolder("gateway-config")) {
            for (JsonNode rewrite : route.findValues("urlRewrite")) {
                String host = rewrite.path("hostname").asText();
                assertThat(host).endsWith("." + KnativeServices.NAMESPACE + ".svc.cluster.local");
                targets.add(host.substring(0, host.indexOf('.')));
            }
        }
        for (JsonNode object : baseObjects()) {
            if ("Trigger".equals(object.path("kind").asText())) {
                targets.add(object.path("spec").path("subscriber").path("ref").path("name").asText());
            }
        }

        assertThat(targets).isNotEmpty().allSatisfy(target -> assertThat(services).contains(target));
    }

    @Test
    void patchesThatTargetServicesByNameNameServicesOfTheBase() {
        Set<String> services = functionsByService().keySet();
        List<String> named = new ArrayList<>();
        for (String kustomization : List.of(BASE, "knative/overlays/kind", "knative/overlays/production")) {
            for (JsonNode patch : YamlDocuments.read(kustomization + "/kustomization.yaml").get(0).path("patches")) {
                JsonNode target = patch.path("target");
                if (target.path("group").asText().equals("serving.knative.dev") && target.has("name")) {
                    // kustomize reads the name as an anchored regular expression; ours are plain alternatives
                    named.addAll(Arrays.asList(target.path("name").asText().split("\\|")));
                }
            }
        }

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(services).contains(name));
    }

    @Test
    void serviceNamesAreDnsLabelsShortEnoughForRevisionNames() {
        // Knative names revisions <service>-00001 and the label limit is 63
        assertThat(Arrays.stream(S3Operation.values()).map(KnativeServices::name))
                .allSatisfy(name -> assertThat(name).matches("[a-z]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(57))
                .doesNotHaveDuplicates();
        assertThat(KnativeServices.name(S3Operation.LIST_OBJECTS_V2)).isEqualTo("list-objects-v2");
        assertThat(KnativeServices.name(S3Operation.UPLOAD_PART_COPY)).isEqualTo("upload-part-copy");
    }

    /** Knative service name → the functions its SPRING_CLOUD_FUNCTION_DEFINITION selects. */
    private static Map<String, Set<String>> functionsByService() {
        Map<String, Set<String>> functions = new TreeMap<>();
        for (JsonNode object : baseObjects()) {
            if (!"Service".equals(object.path("kind").asText())
                    || !object.path("apiVersion").asText().startsWith("serving.knative.dev/")) {
                continue;
            }
            Set<String> selected = new HashSet<>();
            for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if ("SPRING_CLOUD_FUNCTION_DEFINITION".equals(env.path("name").asText())) {
                        // "a;b" lists several functions, "check|op" composes them
                        selected.addAll(Arrays.asList(env.path("value").asText().split("[;,|]")));
                    }
                }
            }
            functions.put(object.path("metadata").path("name").asText(), selected);
        }
        return functions;
    }

    /** The objects of the files the base's kustomization.yaml lists, i.e. what kustomize deploys. */
    private static List<JsonNode> baseObjects() {
        JsonNode kustomization = YamlDocuments.read(BASE + "/kustomization.yaml").get(0);
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            objects.addAll(YamlDocuments.read(BASE + "/" + resource.asText()));
        }
        return objects;
    }
}
