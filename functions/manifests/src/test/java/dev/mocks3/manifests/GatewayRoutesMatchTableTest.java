package dev.mocks3.manifests;

import dev.mocks3.core.routing.Route;
import dev.mocks3.core.routing.Routes;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.core.routing.Target;

import static dev.mocks3.core.routing.S3Operation.COPY_OBJECT;
import static dev.mocks3.core.routing.S3Operation.UPLOAD_PART;
import static dev.mocks3.core.routing.Target.OBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mocks3.manifests.HttpRouteSimulator.Request;

class GatewayRoutesMatchTableTest {

    private static final String REGENERATE = "regenerate it: mvn -q -pl functions/manifests -am compile && "
            + "java -cp functions/manifests/target/classes:functions/core/target/classes dev.mocks3.manifests.GatewayRoutesWriter";

    @Test
    void committedRoutesAreExactlyWhatTheRoutingTableRenders() {
        assertThat(YamlDocuments.text(GatewayRoutesWriter.OUTPUT))
                .as("%s is out of date with Routes.ALL; %s", GatewayRoutesWriter.OUTPUT, REGENERATE)
                .isEqualTo(GatewayRoutesWriter.render());
    }

    @Test
    void everyRequestShapeOfTheTableReachesTheServiceOfItsOperationThroughTheCommittedRoutes() {
        HttpRouteSimulator gateway = new HttpRouteSimulator(YamlDocuments.readFolder("gateway-config"));
        List<Request> requests = new ArrayList<>();
        for (Route route : Routes.ALL) {
            requests.add(pathStyle(route, "localhost:8080"));
            requests.add(pathStyle(route, "127.0.0.1"));
            if (route.target() != Target.SERVICE) {
                requests.add(virtualHosted(route));
            }
        }
        requests.add(new Request("localhost", "PUT", "/test-bucket/", Map.of(), Map.of()));
        requests.add(new Request("localhost", "GET", "/test-bucket/", Map.of("list-type", "2", "prefix", "a/"), Map.of()));
        requests.add(new Request("localhost", "GET", "/test-bucket/a/b/c.txt", Map.of(), Map.of()));
        requests.add(new Request("my.dotted.bucket.localhost", "GET", "/a/b.txt", Map.of(), Map.of()));
        requests.add(new Request("localhost", "PUT", "/b/k", Map.of("partNumber", "3", "uploadId", "u"),
                Map.of("X-Amz-Copy-Source", "/src/k")));

        assertThat(requests).allSatisfy(request -> assertThat(gateway.rewrittenHost(request))
                .as("%s %s%s %s ?%s", request.method(), request.host(), request.path(), request.headers(), request.query())
                .contains(KnativeServices.clusterLocalHost(classify(request))));
    }

    @Test
    void aTableTheGatewayWouldReadDifferentlyIsRefused() {
        // a gateway prefers the header match, the table would have chosen UploadPart first
        List<Route> table = List.of(
                new Route("PUT", OBJECT, Set.of("uploadId"), null, UPLOAD_PART),
                new Route("PUT", OBJECT, Set.of(), Routes.COPY_SOURCE, COPY_OBJECT));

        assertThatThrownBy(() -> GatewayRoutesWriter.render(table))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CopyObject")
                .hasMessageContaining("UploadPart");
    }

    @Test
    void rowsWithMoreMatchesComeFirstAndTableOrderDecidesTies() {
        List<GatewayRoutesWriter.Group> groups = GatewayRoutesWriter.groups(Routes.ALL);
        GatewayRoutesWriter.Group objectPut = groups.stream()
                .filter(g -> g.target() == OBJECT && g.method().equals("PUT")).findFirst().orElseThrow();

        assertThat(objectPut.rules()).extracting(Route::operation).containsExactly(
                S3Operation.UPLOAD_PART_COPY, S3Operation.PUT_OBJECT_ACL, S3Operation.PUT_OBJECT_RETENTION,
                S3Operation.PUT_OBJECT_LEGAL_HOLD, S3Operation.PUT_OBJECT_TAGGING,
                S3Operation.COPY_OBJECT, S3Operation.UPLOAD_PART, S3Operation.PUT_OBJECT_ACL,
                S3Operation.PUT_OBJECT_RETENTION, S3Operation.PUT_OBJECT_LEGAL_HOLD,
                S3Operation.PUT_OBJECT_TAGGING, S3Operation.PUT_OBJECT);
    }

    @Test
    void theFaultsApiHasItsOwnHostAheadOfVirtualHostedBuckets() {
        HttpRouteSimulator gateway = new HttpRouteSimulator(YamlDocuments.readFolder("gateway-config"));

        assertThat(gateway.rewrittenHost(new Request("faults.localhost:8080", "GET", "/api/v1/rules", Map.of(), Map.of())))
                .contains("faults." + KnativeServices.NAMESPACE + ".svc.cluster.local");
    }

    @Test
    void theReadmeListsEveryRowOfTheTableWithItsService() {
        String readme = YamlDocuments.text("gateway-config/README.md");

        assertThat(Routes.ALL).allSatisfy(route -> assertThat(readme).contains("| `" + GatewayRoutesWriter.describe(route)
                + "` | " + route.operation().s3Name() + " | `" + KnativeServices.name(route.operation()) + "` |"));
    }

    private static Request pathStyle(Route route, String host) {
        String path = switch (route.target()) {
            case SERVICE -> "/";
            case BUCKET -> "/test-bucket";
            case OBJECT -> "/test-bucket/dir/test.txt";
        };
        return new Request(host, route.method(), path, queryOf(route), headersOf(route));
    }

    private static Request virtualHosted(Route route) {
        String path = route.target() == Target.BUCKET ? "/" : "/dir/test.txt";
        return new Request("test-bucket.localhost:8080", route.method(), path, queryOf(route), headersOf(route));
    }

    private static Map<String, String> queryOf(Route route) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : route.query()) {
            query.put(name, switch (name) {
                case "uploadId" -> "2~abc";
                case "partNumber" -> "1";
                case "list-type" -> "2";
                default -> "";
            });
        }
        return query;
    }

    private static Map<String, String> headersOf(Route route) {
        return route.header() == null ? Map.of() : Map.of(route.header(), "/source-bucket/source-key");
    }

    /** What the local dispatcher decides for the same request, from the table. */
    private static S3Operation classify(Request request) {
        boolean virtualHosted = request.host().matches("[^:]+\\.localhost(:\\d+)?");
        String[] segments = request.path().substring(1).split("/", 2);
        Target target;
        if (virtualHosted) {
            target = request.path().equals("/") ? Target.BUCKET : OBJECT;
        } else if (request.path().equals("/")) {
            target = Target.SERVICE;
        } else {
            target = segments.length == 1 || segments[1].isEmpty() ? Target.BUCKET : OBJECT;
        }
        return Routes.classify(request.method(), target, request.query().keySet(),
                name -> request.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null))
                .orElseThrow(() -> new AssertionError("the table has no operation for " + request));
    }
}
