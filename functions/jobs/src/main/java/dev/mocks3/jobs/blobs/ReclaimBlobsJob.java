package dev.mocks3.jobs.blobs;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import dev.mocks3.state.metadata.StorageSweep;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.blobs.reclaim}: one run of the state module's storage sweep (blob files and
 * reference counts no object or part needs, temporary folders of dead processes), on demand.
 */
@Component("reclaimBlobs")
public class ReclaimBlobsJob extends JobFunction {
    private final StorageSweep sweep;

    public ReclaimBlobsJob(JobLedger ledger, StorageSweep sweep) {
        super(ledger, Job.RECLAIM_BLOBS);
        this.sweep = sweep;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        return sweep.sweep().map(result -> Map.of("temp_folders", result.tempFolders(),
                "recounted_blobs", result.recounted(), "deleted_blob_files", result.blobFiles()));
    }
}
