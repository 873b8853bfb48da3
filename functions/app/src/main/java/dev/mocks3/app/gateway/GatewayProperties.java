package dev.mocks3.app.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How S3 requests are addressed: host names under which {@code bucket.<domain>} is
 * virtual-hosted style (anything else is path-style). Behind a gateway that rewrites Host,
 * {@code trust-forwarded-host} takes the client's host from X-Forwarded-Host, for addressing
 * and for the signature.
 */
@ConfigurationProperties("mocks3.s3")
public record GatewayProperties(@DefaultValue({"localhost", "s3.localhost"}) List<String> domains,
                                @DefaultValue("false") boolean trustForwardedHost) {
}
