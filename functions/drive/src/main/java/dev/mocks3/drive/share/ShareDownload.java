package dev.mocks3.drive.share;

import org.springframework.stereotype.Component;

import dev.mocks3.core.drive.DriveEndpoint;
import dev.mocks3.drive.download.FileDownload;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /share/v1/share/download?shareToken=&id= — a presigned GET (the owner's {@code file/download}:
 * Content-Disposition with the name, Range-capable) for a file the validated share reaches. Each
 * URL handed out counts as a download; past the share's limit the answer is 400003.
 */
@Component("driveShareDownload")
public class ShareDownload extends DriveFunction {
    private final ShareAccess access;
    private final ShareStore shares;
    private final FileDownload download;

    ShareDownload(ShareAccess access, ShareStore shares, FileDownload download) {
        this.access = access;
        this.shares = shares;
        this.download = download;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long id = call.input().id("id");
        return access.openAt(call.input(), id).map(ShareStore.At::share).flatMap(share -> download.apply(Mono.just(
                        new DriveCall(DriveEndpoint.FILE_DOWNLOAD, share.userId(), call.input(), call.clientAddress())))
                .flatMap(link -> shares.countDownload(share.id())
                        .flatMap(counted -> counted ? Mono.just(link) : Mono.error(DriveError.DOWNLOAD_LIMIT_REACHED.exception()))));
    }
}
