package dev.mocks3.drive.upload;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /file/v1/upload/parts?uploadId= — resume: the parts S3 already holds, and fresh presigned
 * requests for the parts still missing (or of the wrong size).
 */
@Component("driveUploadParts")
public class UploadParts extends DriveFunction {
    private final UploadStore uploads;
    private final UploadPlanner planner;

    public UploadParts(UploadStore uploads, UploadPlanner planner) {
        this.uploads = uploads;
        this.planner = planner;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return uploads.of(call.user(), call.input().text("uploadId").strip())
                .flatMap(planner::plan)
                .map(DriveReply::data);
    }
}
