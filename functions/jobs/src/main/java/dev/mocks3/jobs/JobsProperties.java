package dev.mocks3.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.jobs.*}: how job events are accepted and remembered.
 *
 * @param lease      how long a job run that never finished (its process died) keeps others from running its event
 * @param retention  how long finished runs are remembered (a duplicate delivered later runs again)
 * @param receiver   whether {@code POST /_mocks3/jobs} accepts job CloudEvents over HTTP (Knative Triggers, kn, curl)
 */
@ConfigurationProperties("mocks3.jobs")
public record JobsProperties(@DefaultValue("5m") Duration lease, @DefaultValue("1d") Duration retention,
                             @DefaultValue("true") boolean receiver) {
}
