package dev.mocks3.loadtests;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The MockS3 endpoint under load, path-style. Only loopback addresses are accepted, by their
 * literal name: a load test never leaves this machine.
 */
public record LoadTarget(URI base) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    public LoadTarget {
        String scheme = base.getScheme();
        String host = base.getHost();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("not an http(s) URL: " + base);
        }
        if (host == null || !(host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches()
                || host.equals("[::1]"))) {
            throw new IllegalArgumentException("refusing to load " + base
                    + ": only localhost, 127.0.0.0/8 or [::1] may be targeted");
        }
    }

    public static LoadTarget of(String url) {
        return new LoadTarget(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    public URI bucket(String bucket) {
        return URI.create(base + "/" + bucket);
    }

    public URI object(String bucket, String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(base + "/" + bucket + "/" + path);
    }
}
