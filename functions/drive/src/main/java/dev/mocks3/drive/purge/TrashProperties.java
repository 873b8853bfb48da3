package dev.mocks3.drive.purge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.drive.trash.*}.
 *
 * @param retention how long a deleted item stays in the trash before a delayed job purges it
 */
@ConfigurationProperties("mocks3.drive.trash")
public record TrashProperties(@DefaultValue("30d") Duration retention) {
}
