package dev.mocks3.drive.download;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.mocks3.drive.DriveProperties;
import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.storage.DriveBucket;
import reactor.core.publisher.Mono;

/** GET /file/v1/file/stream?id= — the bytes of a small file (up to {@code stream-limit}), streamed from S3. */
@Component("driveFileStream")
public class FileStream extends DriveFunction {
    private final EntryStore entries;
    private final ContentStore contents;
    private final DriveBucket bucket;
    private final DriveProperties p;

    public FileStream(EntryStore entries, ContentStore contents, DriveBucket bucket, DriveProperties p) {
        this.entries = entries;
        this.contents = contents;
        this.bucket = bucket;
        this.p = p;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return entries.liveFile(call.user(), call.input().id("id"))
                .flatMap(file -> {
                    if (file.size() > p.streamLimit().toBytes()) {
                        return Mono.error(DriveError.TOO_LARGE_TO_STREAM.exception());
                    }
                    return contents.keyOf(file.sha256()).flatMap(bucket::read).map(body -> {
                        HttpHeaders headers = new HttpHeaders();
                        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
                        headers.setContentLength(file.size());
                        headers.set(HttpHeaders.CONTENT_DISPOSITION, Attachment.disposition(file.name()));
                        return new DriveReply.Stream(headers, body);
                    });
                });
    }
}
