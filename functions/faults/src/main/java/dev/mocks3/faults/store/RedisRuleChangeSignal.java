package dev.mocks3.faults.store;

import java.util.UUID;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.scheduler.Schedulers;

/** Rule changes over Redis pub/sub: each message is {@code <instance>/<rule id>}; an instance ignores its own. */
public final class RedisRuleChangeSignal implements RuleChangeSignal {
    private static final Logger log = LoggerFactory.getLogger(RedisRuleChangeSignal.class);
    private final RTopic topic;
    private final String instance = UUID.randomUUID().toString();

    public RedisRuleChangeSignal(RedissonClient redis, String keyPrefix) {
        this.topic = redis.getTopic(keyPrefix + ":rules-changed", StringCodec.INSTANCE);
    }

    @Override
    public void broadcast(String ruleId) {
        topic.publishAsync(instance + "/" + ruleId).exceptionally(e -> {
            log.warn("could not tell other instances that rule {} changed: {}", ruleId, e.toString());
            return 0L;
        });
    }

    @Override
    public void onChange(Runnable listener) {
        topic.addListener(String.class, (channel, message) -> {
            if (!message.startsWith(instance + "/")) {
                // Redisson calls listeners on its own threads; the reload itself is non-blocking
                Schedulers.parallel().schedule(listener);
            }
        });
    }
}
