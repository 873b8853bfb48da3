package dev.mocks3.drive.share;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.files.FileList;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /share/v1/share/files?shareToken=&parentId=&sort=&order=&limit=&cursor= — what a validated
 * share holds: without {@code parentId} (or 0) its top-level files and folders; with the id of a
 * folder it reaches, that folder's page, listed as the owner's {@code file/list} lists it. Any
 * other id, the shared folder's parent included, is 300001.
 */
@Component("driveShareFiles")
public class ShareFiles extends DriveFunction {
    private final ShareAccess access;
    private final ShareStore shares;
    private final FileList folderList;

    ShareFiles(ShareAccess access, ShareStore shares, FileList folderList) {
        this.access = access;
        this.shares = shares;
        this.folderList = folderList;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long parent = call.input().id("parentId", 0);
        if (parent == 0) {
            return access.open(call.input()).flatMap(share -> shares.liveItems(share).map(SharedEntry::topLevel).collectList()
                    .map(list -> DriveReply.data(new Listing(list, null))));
        }
        // the share, whether it reaches the folder, and whether that is a folder, in one statement; then the page
        return access.openAt(call.input(), parent).flatMap(at -> {
            if (!at.folder()) {
                return Mono.error(DriveError.NOT_A_FOLDER.exception());
            }
            return folderList.page(at.share().userId(), parent, FileList.PageRequest.of(call.input()))
                    .map(page -> DriveReply.data(new Listing(page.list().stream().map(SharedEntry::of).toList(), page.nextCursor())));
        });
    }

    record Listing(List<SharedEntry> list, String nextCursor) {
    }
}
