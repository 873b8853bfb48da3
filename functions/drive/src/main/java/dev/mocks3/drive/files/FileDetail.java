package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** GET /file/v1/file/detail?id= — a file or folder of the caller. */
@Component("driveFileDetail")
public class FileDetail extends DriveFunction {
    private final EntryStore entries;

    public FileDetail(EntryStore entries) {
        this.entries = entries;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return entries.live(call.user(), call.input().id("id")).map(DriveReply::data);
    }
}
