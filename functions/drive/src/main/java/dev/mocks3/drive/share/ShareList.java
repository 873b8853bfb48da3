package dev.mocks3.drive.share;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /share/v1/share/list?limit=&cursor= — the caller's shares, newest first (expired ones too,
 * marked), each with its code, what it still holds, and its view, download and save counts.
 */
@Component("driveShareList")
public class ShareList extends DriveFunction {
    private static final int MAX_LIMIT = 100;
    private final ShareStore shares;
    private final ShareSummaries summaries;

    ShareList(ShareStore shares, ShareSummaries summaries) {
        this.shares = shares;
        this.summaries = summaries;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        int limit = (int) call.input().number("limit", 20, 1, MAX_LIMIT);
        long before = call.input().number("cursor", 0, 0, Long.MAX_VALUE);
        return shares.page(user, before, limit + 1).collectList()
                .flatMap(found -> {
                    List<Share> page = found.size() > limit ? found.subList(0, limit) : found;
                    String next = found.size() > limit ? Long.toString(page.get(page.size() - 1).id()) : null;
                    return summaries.of(page).map(list -> DriveReply.data(new Page(list, next)));
                });
    }

    record Page(List<ShareSummaries.Summary> list, String nextCursor) {
    }
}
