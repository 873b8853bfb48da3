package dev.mocks3.drive.share;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * POST /share/v1/share/cancel {id} — the share is gone at once: its code, its link and every
 * share token handed out for it open nothing any more (they answer as for a share that never was).
 */
@Component("driveShareCancel")
public class ShareCancel extends DriveFunction {
    private final ShareStore shares;
    private final ShareViews views;

    ShareCancel(ShareStore shares, ShareViews views) {
        this.shares = shares;
        this.views = views;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        return shares.cancel(user, id)
                .flatMap(gone -> gone ? views.forget(id).thenReturn(DriveReply.data(new Cancelled(id)))
                        : Mono.error(DriveError.SHARE_NOT_FOUND.exception()));
    }

    record Cancelled(long id) {
    }
}
