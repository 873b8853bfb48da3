package dev.mocks3.jobs.lifecycle;

import dev.mocks3.jobs.run.Pages;
import dev.mocks3.state.metadata.LifecycleRemovals;
import dev.mocks3.state.metadata.NoncurrentVersion;
import reactor.core.publisher.Flux;

/** Every noncurrent version of a bucket's keys under a prefix, by key and oldest first, a page at a time. */
final class NoncurrentPages {
    private static final int PAGE = 500;

    private NoncurrentPages() {
    }

    private record Cursor(String key, long seq) {
    }

    static Flux<NoncurrentVersion> all(LifecycleRemovals versions, String bucket, String prefix) {
        return Pages.all(new Cursor("", Long.MIN_VALUE),
                (after, size) -> versions.noncurrent(bucket, prefix, after.key(), after.seq(), size),
                (NoncurrentVersion version) -> new Cursor(version.key(), version.seq()), PAGE);
    }
}
