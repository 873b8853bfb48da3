package dev.mocks3.jobs.uploads;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.events.job.AbortUploads;
import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import dev.mocks3.jobs.run.Pages;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.MultipartUpload;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.uploads.abort}: aborts a bucket's multipart uploads (of keys under a prefix)
 * initiated at or before a time, releasing their parts' blobs, as AbortMultipartUpload does.
 */
@Component("abortUploads")
public class AbortUploadsJob extends JobFunction {
    private static final int PAGE = 500;
    private final MultipartStore uploads;

    public AbortUploadsJob(JobLedger ledger, MultipartStore uploads) {
        super(ledger, Job.ABORT_UPLOADS);
        this.uploads = uploads;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        AbortUploads request = payload(event, AbortUploads.class);
        if (request.bucket() == null || request.initiatedBy() == null) {
            return Mono.error(new IllegalArgumentException("bucket and initiated_by are required"));
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        return Pages.all((after, size) -> uploads.initiatedBy(request.bucket(), prefix, request.initiatedBy(), after, size),
                        MultipartUpload::uploadId, PAGE)
                .concatMap(upload -> uploads.remove(upload.uploadId()))
                .filter(Boolean::booleanValue).count()
                .map(aborted -> Map.of("bucket", request.bucket(), "aborted_uploads", aborted));
    }
}
