package dev.mocks3.drive.files;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /file/v1/file/list?parentId=&sort=name|time|size&order=asc|desc&limit=&cursor= — one page of
 * a folder, folders first; {@code nextCursor} is absent on the last page.
 */
@Component("driveFileList")
public class FileList extends DriveFunction {
    static final int MAX_LIMIT = 1000;
    private final EntryStore entries;

    public FileList(EntryStore entries) {
        this.entries = entries;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long parent = call.input().id("parentId", EntryStore.ROOT);
        ListOrder order = new ListOrder(call.input().choice("sort", "name", "name", "time", "size"),
                "desc".equals(call.input().choice("order", "asc", "asc", "desc")));
        int limit = (int) call.input().number("limit", 100, 1, MAX_LIMIT);
        ListCursor after = ListCursor.decode(call.input().text("cursor", null), order::parseKey);
        return entries.requireFolder(user, parent)
                .thenMany(entries.page(user, parent, order, after, limit + 1))
                .collectList()
                .map(found -> {
                    List<Entry> page = found.size() > limit ? found.subList(0, limit) : found;
                    String next = null;
                    if (found.size() > limit) {
                        Entry last = page.get(page.size() - 1);
                        next = ListCursor.encode(last.folder(), order.keyOf(last), last.id());
                    }
                    return DriveReply.data(new Page(page, next));
                });
    }

    /** A page of entries and the cursor of the next one (null on the last). */
    public record Page(List<Entry> list, String nextCursor) {
    }
}
