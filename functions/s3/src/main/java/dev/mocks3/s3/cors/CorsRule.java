package dev.mocks3.s3.cors;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/** One CORSRule: which origins may use which methods with which headers, and what the browser may see. */
public record CorsRule(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposeHeaders, Integer maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** True when the rule lets {@code origin} send {@code method} with every one of {@code requestHeaders}. */
    boolean allows(String origin, String method, List<String> requestHeaders) {
        return allowedOrigins.stream().anyMatch(pattern -> matches(pattern, origin))
                && allowedMethods.contains(method)
                && requestHeaders.stream().allMatch(header -> allowedHeaders.stream()
                        .anyMatch(pattern -> matches(pattern.toLowerCase(Locale.ROOT), header.toLowerCase(Locale.ROOT))));
    }

    /** The Access-Control-* headers S3 answers a request this rule allows with. */
    void writeTo(HttpHeaders out, String origin, List<String> requestHeaders, boolean preflight) {
        boolean anyOrigin = allowedOrigins.contains("*");
        out.set("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (!anyOrigin) {
            out.set("Access-Control-Allow-Credentials", "true");
        }
        out.set("Access-Control-Allow-Methods", String.join(", ", allowedMethods));
        if (preflight && !requestHeaders.isEmpty()) {
            out.set("Access-Control-Allow-Headers", String.join(", ", requestHeaders));
        }
        if (!exposeHeaders.isEmpty()) {
            out.set("Access-Control-Expose-Headers", String.join(", ", exposeHeaders));
        }
        if (maxAgeSeconds != null) {
            out.set("Access-Control-Max-Age", maxAgeSeconds.toString());
        }
        out.set(HttpHeaders.VARY, "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    }

    /** CORS patterns hold at most one {@code *}, matching any run of characters. */
    static boolean matches(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return value.length() >= prefix.length() + suffix.length() && value.startsWith(prefix) && value.endsWith(suffix);
    }
}
