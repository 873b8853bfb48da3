package dev.mocks3.drive.files;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveInput;
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
        PageRequest request = PageRequest.of(call.input());
        return entries.requireFolderToRead(user, parent).then(page(user, parent, request)).map(DriveReply::data);
    }

    /** What a listing asks for: the order, the page's size and where it starts. */
    public record PageRequest(ListOrder order, int limit, ListCursor after) {

        /** From the query's {@code sort}, {@code order}, {@code limit} and {@code cursor}; 100002 when one is bad. */
        public static PageRequest of(DriveInput input) {
            ListOrder order = new ListOrder(input.choice("sort", "name", "name", "time", "size"),
                    "desc".equals(input.choice("order", "asc", "asc", "desc")));
            int limit = (int) input.number("limit", 100, 1, MAX_LIMIT);
            return new PageRequest(order, limit, ListCursor.decode(input.text("cursor", null), order::parseKey));
        }
    }

    /** One page of {@code parent}, the root or a live folder of the user (the caller knows it is). */
    public Mono<Page> page(long user, long parent, PageRequest request) {
        int limit = request.limit();
        ListOrder order = request.order();
        return entries.page(user, parent, order, request.after(), limit + 1)
                .collectList()
                .map(found -> {
                    List<Entry> page = found.size() > limit ? found.subList(0, limit) : found;
                    String next = null;
                    if (found.size() > limit) {
                        Entry last = page.get(page.size() - 1);
                        next = ListCursor.encode(last.folder(), order.keyOf(last), last.id());
                    }
                    return new Page(page, next);
                });
    }

    /** A page of entries and the cursor of the next one (null on the last). */
    public record Page(List<Entry> list, String nextCursor) {
    }
}
