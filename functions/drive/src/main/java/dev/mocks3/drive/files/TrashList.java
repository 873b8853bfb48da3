package dev.mocks3.drive.files;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** GET /file/v1/trash/list?limit=&cursor= — what the caller deleted, newest first. */
@Component("driveTrashList")
public class TrashList extends DriveFunction {
    private final EntryStore entries;

    public TrashList(EntryStore entries) {
        this.entries = entries;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        int limit = (int) call.input().number("limit", 100, 1, FileList.MAX_LIMIT);
        ListCursor after = ListCursor.decode(call.input().text("cursor", null), OffsetDateTime::parse);
        return entries.trashPage(user, after, limit + 1).collectList().map(found -> {
            List<Entry> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = null;
            if (found.size() > limit) {
                Entry last = page.get(page.size() - 1);
                next = ListCursor.encode(false, last.deletedAt().toString(), last.id());
            }
            return DriveReply.data(new FileList.Page(page, next));
        });
    }
}
