package dev.mocks3.state;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The Redis that holds caches, counters, token buckets and delayed queues. */
@ConfigurationProperties("mocks3.redis")
public record RedisProperties(@DefaultValue("redis://127.0.0.1:6379") String address, String password,
                              @DefaultValue("0") int database) {
}
