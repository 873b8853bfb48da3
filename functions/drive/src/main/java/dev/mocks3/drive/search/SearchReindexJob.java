package dev.mocks3.drive.search;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.events.job.DriveSearchReindex;
import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.drive.search.reindex}: rebuilds the search index from the files table, for
 * one user or for everyone (one transaction per user). Sent with {@code POST /_mocks3/jobs}.
 */
@Component("driveSearchReindex")
public class SearchReindexJob extends JobFunction {
    private final SearchIndex index;

    public SearchReindexJob(JobLedger ledger, SearchIndex index) {
        super(ledger, Job.DRIVE_SEARCH_REINDEX);
        this.index = index;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        DriveSearchReindex request = payload(event, DriveSearchReindex.class);
        Flux<Long> users = request.userId() == null ? index.users() : Flux.just(request.userId());
        return users.concatMap(index::rebuild)
                .reduce(new long[3], (sum, one) -> {
                    sum[0]++;
                    sum[1] += ((Number) one.get("indexed")).longValue();
                    sum[2] += ((Number) one.get("removed")).longValue();
                    return sum;
                })
                .map(sum -> Map.of("users", sum[0], "indexed", sum[1], "removed", sum[2]));
    }
}
