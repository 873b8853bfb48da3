package dev.mocks3.drive.purge;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.events.job.DriveTrashPurge;
import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.drive.trash.purge}: the delayed job that empties a trash item when its
 * retention ran out. Run once per event id (the job ledger), and harmless anyway: an item restored
 * or purged meanwhile is left alone.
 */
@Component("driveTrashPurge")
public class TrashPurgeJob extends JobFunction {
    private final TrashPurger purger;

    public TrashPurgeJob(JobLedger ledger, TrashPurger purger) {
        super(ledger, Job.DRIVE_TRASH_PURGE);
        this.purger = purger;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        DriveTrashPurge item = payload(event, DriveTrashPurge.class);
        if (item.trashedAt() == null) {
            return Mono.error(new IllegalArgumentException("trashed_at is required"));
        }
        return purger.purgeIfStill(item.userId(), item.entryId(), item.trashedAt())
                .map(purged -> Map.<String, Object>of("purged", true, "files", purged.files(), "refunded", purged.refunded(),
                        "deleted_objects", purged.deletedKeys().size()))
                .defaultIfEmpty(Map.of("purged", false));
    }
}
