package dev.mocks3.drive.search;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.events.job.DriveSearchIndex;
import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/** {@code dev.mocks3.job.drive.search.index}: the search-indexing function, one changed entry (and its subtree) per event. */
@Component("driveSearchIndex")
public class SearchIndexJob extends JobFunction {
    private final SearchIndex index;

    public SearchIndexJob(JobLedger ledger, SearchIndex index) {
        super(ledger, Job.DRIVE_SEARCH_INDEX);
        this.index = index;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        DriveSearchIndex change = payload(event, DriveSearchIndex.class);
        return index.sync(change.userId(), change.entryId());
    }
}
