package dev.mocks3.core.routing;

import java.util.Set;

/**
 * One row of the routing table: a request with this method, addressing this target, carrying
 * these query parameters (and header, if any) is this operation.
 */
public record Route(String method, Target target, Set<String> query, String header, S3Operation operation) {

    public Route {
        query = Set.copyOf(query);
    }

    /** A route matches when method and target agree, every required query parameter is present,
     *  the required header is present, and no other S3 sub-resource is asked for. */
    public boolean matches(String requestMethod, Target requestTarget, Set<String> queryKeys, HeaderLookup headers) {
        if (!method.equals(requestMethod) || target != requestTarget) {
            return false;
        }
        if (!queryKeys.containsAll(query)) {
            return false;
        }
        if (header != null && headers.first(header) == null) {
            return false;
        }
        for (String key : queryKeys) {
            if (SubResources.isSubResource(key) && !query.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** Reads a request header; kept tiny so the table does not depend on a web framework. */
    @FunctionalInterface
    public interface HeaderLookup {
        String first(String name);
    }
}
