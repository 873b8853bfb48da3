package dev.mocks3.drive.share;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

/** Shares as their owner sees them: code, expiry, what they still hold, and their counts. */
final class ShareSummaries {
    private final ShareStore shares;
    private final ShareViews views;
    private final Clock clock;

    ShareSummaries(ShareStore shares, ShareViews views, Clock clock) {
        this.shares = shares;
        this.views = views;
        this.clock = clock;
    }

    /** One share in the owner's list; {@code items} are the top-level files and folders not deleted. */
    record Summary(long id, String shareKey, String code, OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean expired,
                   Long downloadLimit, long views, long downloads, long saves, List<ShareStore.Item> items) {
    }

    Mono<List<Summary>> of(List<Share> page) {
        List<Long> ids = page.stream().map(Share::id).toList();
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.zip(shares.liveItems(ids).collectMultimap(ShareStore.Item::shareId), views.of(ids))
                .map(found -> {
                    List<Summary> summaries = new ArrayList<>();
                    for (Share s : page) {
                        var items = found.getT1().get(s.id());
                        summaries.add(new Summary(s.id(), s.key(), s.code(), s.createdAt().atOffset(ZoneOffset.UTC),
                                s.expiresAt() == null ? null : s.expiresAt().atOffset(ZoneOffset.UTC), s.expiredAt(clock.instant()),
                                s.downloadLimit(), found.getT2().getOrDefault(s.id(), 0L), s.downloads(), s.saves(),
                                items == null ? List.of() : List.copyOf(items)));
                    }
                    return summaries;
                });
    }

    Mono<Summary> of(Share share) {
        return of(List.of(share)).map(list -> list.get(0));
    }
}
