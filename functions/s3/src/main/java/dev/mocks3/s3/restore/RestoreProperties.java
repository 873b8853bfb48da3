package dev.mocks3.s3.restore;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.restore.*}: how long a RestoreObject of an archived object takes before the copy is
 * readable ({@code delay}, hours on S3, a few seconds here), and how long a day of the request's
 * {@code Days} lasts (one real day, or seconds in a test).
 */
@ConfigurationProperties("mocks3.restore")
public record RestoreProperties(@DefaultValue("5s") Duration delay, @DefaultValue("1d") Duration day) {
}
