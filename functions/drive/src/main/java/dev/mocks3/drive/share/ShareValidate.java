package dev.mocks3.drive.share;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveException;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * POST /share/v1/share/validate {shareKey, code} — no login: the right code answers a short-lived
 * share token for that share. Wrong codes are limited per share and per client address; a share
 * cancelled or expired answers exactly as one that never existed (400001).
 */
@Component("driveShareValidate")
public class ShareValidate extends DriveFunction {
    private final ShareStore shares;
    private final ShareTokens tokens;
    private final WrongCodeLimiter limiter;
    private final ShareViews views;
    private final ShareProperties p;

    ShareValidate(ShareStore shares, ShareTokens tokens, WrongCodeLimiter limiter, ShareViews views, ShareProperties p) {
        this.shares = shares;
        this.tokens = tokens;
        this.limiter = limiter;
        this.views = views;
        this.p = p;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        String key = ShareCodes.requireKey(call.input().text("shareKey"));
        String code = call.input().text("code").strip().toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw DriveError.BAD_REQUEST.exception("code is required");
        }
        Instant now = p.clock().instant();
        String address = call.clientAddress();
        // the share (PostgreSQL) and the wrong-code counters (Redis) are read at once: a right code needs both
        Mono<Optional<ShareStore.Found>> share = shares.byKey(key)
                .filter(found -> !found.share().expiredAt(now))
                .map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(share, limiter.locked(key, address))
                .flatMap(read -> {
                    Optional<ShareStore.Found> found = read.getT1();
                    if (found.isPresent() && ShareCodes.matches(found.get().share().code(), code)) {
                        return read.getT2() ? Mono.error(tooMany())
                                : views.count(found.get().share().id()).then(Mono.fromCallable(() -> DriveReply.data(opened(found.get()))));
                    }
                    // a share gone answers as one that never was, and counts as a wrong code
                    DriveError refusal = found.isPresent() ? DriveError.WRONG_CODE : DriveError.SHARE_NOT_FOUND;
                    return limiter.countWrong(key, address).flatMap(over -> Mono.error(over ? tooMany() : refusal.exception()));
                });
    }

    private static DriveException tooMany() {
        return DriveError.TOO_MANY_REQUESTS.exception("too many wrong codes, try again later");
    }

    private Opened opened(ShareStore.Found found) {
        Share share = found.share();
        ShareTokens.Issued issued = tokens.issue(share);
        return new Opened(issued.shareToken(), issued.expiresAt(), share.key(), found.ownerName(),
                share.createdAt().atOffset(ZoneOffset.UTC), share.expiresAt() == null ? null : share.expiresAt().atOffset(ZoneOffset.UTC));
    }

    /** The share token (and when it expires, epoch seconds) and what the visitor may know of the share. */
    record Opened(String shareToken, long tokenExpire, String shareKey, String ownerName, OffsetDateTime createdAt,
                  OffsetDateTime expiresAt) {
    }
}
