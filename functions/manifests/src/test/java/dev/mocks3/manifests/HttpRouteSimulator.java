package dev.mocks3.manifests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks the rule a Gateway API implementation would pick for a request, from parsed HTTPRoute
 * objects: hostname precedence first (exact, then longest wildcard, then routes without hostnames),
 * then the match precedence of the spec (Exact path, longest prefix, method, most headers, most
 * query parameters), then route name and rule order. Regular expressions must match the whole value,
 * as in Envoy.
 */
final class HttpRouteSimulator {

    record Request(String host, String method, String path, Map<String, String> query, Map<String, String> headers) {
    }

    private record Candidate(JsonNode route, int ruleIndex, JsonNode rule, JsonNode match) {
    }

    private final List<JsonNode> routes;

    HttpRouteSimulator(List<JsonNode> objects) {
        this.routes = objects.stream().filter(o -> "HTTPRoute".equals(o.path("kind").asText())).toList();
    }

    /** The host the chosen rule rewrites to, or empty when no rule matches (the gateway answers 404). */
    Optional<String> rewrittenHost(Request request) {
        String host = request.host().replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        List<JsonNode> eligible = routesForHost(host);
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode route : eligible) {
            JsonNode rules = route.path("spec").path("rules");
            for (int i = 0; i < rules.size(); i++) {
                for (JsonNode match : rules.get(i).path("matches")) {
                    if (matches(match, request)) {
                        candidates.add(new Candidate(route, i, rules.get(i), match));
                    }
                }
            }
        }
        return candidates.stream()
                .min(Comparator.comparingInt((Candidate c) -> -precedence(c.match(), 0))
                        .thenComparingInt(c -> -precedence(c.match(), 1))
                        .thenComparingInt(c -> -precedence(c.match(), 2))
                        .thenComparingInt(c -> -precedence(c.match(), 3))
                        .thenComparingInt(c -> -precedence(c.match(), 4))
                        .thenComparing(c -> c.route().path("metadata").path("namespace").asText() + "/"
                                + c.route().path("metadata").path("name").asText())
                        .thenComparingInt(Candidate::ruleIndex))
                .map(c -> rewriteOf(c.rule()));
    }

    private List<JsonNode> routesForHost(String host) {
        int best = -1;
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode route : routes) {
            int score = hostScore(route.path("spec").path("hostnames"), host);
            if (score > best) {
                best = score;
                chosen.clear();
            }
            if (score == best && score >= 0) {
                chosen.add(route);
            }
        }
        return chosen;
    }

    /** -1: not for this host; 0: no hostnames; 1+len: wildcard; 1000+len: exact. */
    private static int hostScore(JsonNode hostnames, String host) {
        if (hostnames.isMissingNode() || hostnames.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (JsonNode name : hostnames) {
            String value = name.asText().toLowerCase(Locale.ROOT);
            if (value.equals(host)) {
                best = Math.max(best, 1000 + value.length());
            } else if (value.startsWith("*.") && host.endsWith(value.substring(1))) {
                best = Math.max(best, 1 + value.length());
            }
        }
        return best;
    }

    private static boolean matches(JsonNode match, Request request) {
        if (match.has("method") && !match.path("method").asText().equals(request.method())) {
            return false;
        }
        JsonNode path = match.path("path");
        String pathType = path.path("type").asText("PathPrefix");
        String pathValue = path.path("value").asText("/");
        boolean pathOk = switch (pathType) {
            case "Exact" -> request.path().equals(pathValue);
            case "PathPrefix" -> request.path().equals(pathValue) || pathValue.equals("/")
                    || request.path().startsWith(pathValue.endsWith("/") ? pathValue : pathValue + "/");
            case "RegularExpression" -> Pattern.compile(pathValue).matcher(request.path()).matches();
            default -> throw new IllegalArgumentException("path type " + pathType);
        };
        if (!pathOk) {
            return false;
        }
        for (JsonNode header : match.path("headers")) {
            String value = null;
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                if (h.getKey().equalsIgnoreCase(header.path("name").asText())) {
                    value = h.getValue();
                }
            }
            if (value == null || !valueMatches(header, value)) {
                return false;
            }
        }
        for (JsonNode param : match.path("queryParams")) {
            String value = request.query().get(param.path("name").asText());
            if (value == null || !valueMatches(param, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueMatches(JsonNode matcher, String value) {
        String expected = matcher.path("value").asText();
        return switch (matcher.path("type").asText("Exact")) {
            case "Exact" -> value.equals(expected);
            case "RegularExpression" -> Pattern.compile(expected).matcher(value).matches();
            default -> throw new IllegalArgumentException("match type " + matcher.path("type").asText());
        };
    }

    /** The spec's precedence criteria in order: exact path, prefix length, method, headers, query params. */
    private static int precedence(JsonNode match, int criterion) {
        JsonNode path = match.path("path");
        return switch (criterion) {
            case 0 -> "Exact".equals(path.path("type").asText()) ? 1 : 0;
            case 1 -> "PathPrefix".equals(path.path("type").asText("PathPrefix")) ? path.path("value").asText("/").length() : 0;
            case 2 -> match.has("method") ? 1 : 0;
            case 3 -> match.path("headers").size();
            case 4 -> match.path("queryParams").size();
            default -> throw new IllegalArgumentException();
        };
    }

    private static String rewriteOf(JsonNode rule) {
        for (JsonNode filter : rule.path("filters")) {
            if ("URLRewrite".equals(filter.path("type").asText())) {
                return filter.path("urlRewrite").path("hostname").asText();
            }
        }
        return null;
    }
}
