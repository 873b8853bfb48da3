package dev.mocks3.drive.share;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveInput;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * POST /share/v1/share/create {ids, code, expireDays, downloadLimit} — shares files and folders of
 * the caller behind a 4-character code: the one given, or a random one. Expires after 1, 7 (the
 * default) or 30 days, or never (0); an optional limit on downloads.
 */
@Component("driveShareCreate")
public class ShareCreate extends DriveFunction {
    private static final List<Long> EXPIRY_DAYS = List.of(0L, 1L, 7L, 30L);
    private final ShareStore shares;
    private final ShareSummaries summaries;
    private final ShareProperties p;
    private final TransactionalOperator tx;

    ShareCreate(ShareStore shares, ShareSummaries summaries, ShareProperties p, TransactionalOperator tx) {
        this.shares = shares;
        this.summaries = summaries;
        this.p = p;
        this.tx = tx;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        DriveInput in = call.input();
        List<Long> ids = in.ids("ids", p.maxItems());
        String code = in.has("code") ? ShareCodes.require(in.text("code")) : ShareCodes.newCode();
        long days = in.number("expireDays", 7);
        if (!EXPIRY_DAYS.contains(days)) {
            throw DriveError.BAD_REQUEST.exception("expireDays must be 1, 7, 30 or 0 (never)");
        }
        long limit = in.number("downloadLimit", 0, 0, Integer.MAX_VALUE);
        Instant now = p.clock().instant();
        Instant expires = days == 0 ? null : now.plus(Duration.ofDays(days));
        return tx.transactional(shares.create(user, ShareCodes.newKey(), code, now, expires, limit == 0 ? null : limit, ids))
                .flatMap(summaries::of)
                .map(DriveReply::data);
    }
}
