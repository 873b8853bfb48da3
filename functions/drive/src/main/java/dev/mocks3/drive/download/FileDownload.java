package dev.mocks3.drive.download;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.DriveProperties;
import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.storage.DriveBucket;
import dev.mocks3.drive.storage.PresignedRequest;
import reactor.core.publisher.Mono;

/**
 * GET /file/v1/file/download?id= — a presigned GET on the drive's bucket that downloads under the
 * file's name; clients may send Range to it. The drive never carries the bytes.
 */
@Component("driveFileDownload")
public class FileDownload extends DriveFunction {
    private final EntryStore entries;
    private final ContentStore contents;
    private final DriveBucket bucket;
    private final DriveProperties p;

    public FileDownload(EntryStore entries, ContentStore contents, DriveBucket bucket, DriveProperties p) {
        this.entries = entries;
        this.contents = contents;
        this.bucket = bucket;
        this.p = p;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return entries.liveFile(call.user(), call.input().id("id"))
                .flatMap(file -> contents.keyOf(file.sha256()).map(key -> {
                    PresignedRequest get = bucket.presignGet(key, Attachment.disposition(file.name()), p.presignExpiry());
                    return DriveReply.data(new Link(file.id(), file.name(), file.size(), get.url(), get.expiresAt()));
                }));
    }

    record Link(long id, String name, long size, String url, long expiresAt) {
    }
}
