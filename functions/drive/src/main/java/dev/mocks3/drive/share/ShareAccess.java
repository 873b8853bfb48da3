package dev.mocks3.drive.share;

import java.time.Clock;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveInput;
import reactor.core.publisher.Mono;

/**
 * What a share token opens: the share it names, only while the share is there and not expired
 * (a cancelled or expired share answers as a missing one), and only the entries it reaches.
 */
final class ShareAccess {
    private final ShareTokens tokens;
    private final ShareStore shares;
    private final Clock clock;

    ShareAccess(ShareTokens tokens, ShareStore shares, Clock clock) {
        this.tokens = tokens;
        this.shares = shares;
        this.clock = clock;
    }

    /** The share of the request's {@code shareToken}; 400004 for a bad token, 400001 for a share gone. */
    Mono<Share> open(DriveInput input) {
        return Mono.fromCallable(() -> tokens.verify(input.text("shareToken", null)))
                .flatMap(shares::byId)
                .filter(share -> !share.expiredAt(clock.instant()))
                .switchIfEmpty(Mono.error(DriveError.SHARE_NOT_FOUND::exception));
    }

    /**
     * The share of the request's {@code shareToken} and whether its entry {@code id} is a folder, when the
     * share reaches that entry: 400004 for a bad token, 400001 for a share gone, 300001 for an entry it
     * does not reach. One statement for what {@link #open} and {@link #reach} read in two.
     */
    Mono<ShareStore.At> openAt(DriveInput input, long id) {
        return Mono.fromCallable(() -> tokens.verify(input.text("shareToken", null)))
                .flatMap(shareId -> shares.at(shareId, id))
                .filter(at -> !at.share().expiredAt(clock.instant()))
                .switchIfEmpty(Mono.error(DriveError.SHARE_NOT_FOUND::exception))
                .flatMap(at -> at.folder() == null ? Mono.error(DriveError.NOT_FOUND.exception()) : Mono.just(at));
    }

    /** Completes when the share reaches the owner's live entry {@code id}; 300001 as for any unknown id otherwise. */
    Mono<Void> reach(Share share, long id) {
        return shares.reaches(share, id)
                .flatMap(reached -> reached ? Mono.<Void>empty() : Mono.error(DriveError.NOT_FOUND.exception()));
    }
}
