package dev.mocks3.drive.search;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /search/v1/search/files — the caller's files and folders whose names match, from the search
 * index: {@code list}, {@code page}, {@code pageSize}, {@code hasMore}. Only the caller's rows are
 * ever read (the statement starts with their id).
 */
@Component("driveSearchFiles")
public class SearchFiles extends DriveFunction {
    private final DatabaseClient db;

    public SearchFiles(DatabaseClient db) {
        this.db = db;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        SearchQuery query = SearchQuery.from(call.input());
        SearchQuery.Sql sql = query.sql(call.user());
        var spec = db.sql(sql.text());
        for (int i = 0; i < sql.args().size(); i++) {
            spec = spec.bind(i, sql.args().get(i));
        }
        return spec.map(row -> new Hit(row.get("entry_id", Long.class), row.get("parent_id", Long.class),
                        row.get("name", String.class), Boolean.TRUE.equals(row.get("folder", Boolean.class)) ? "folder" : "file",
                        row.get("kind", String.class), row.get("size", Long.class), row.get("updated_at", OffsetDateTime.class)))
                .all().collectList()
                .map(found -> {
                    boolean more = found.size() > query.pageSize();
                    return DriveReply.data(new Page(more ? found.subList(0, query.pageSize()) : found, query.page(),
                            query.pageSize(), more));
                });
    }

    /** One match: {@code type} is file or folder, {@code kind} what the file is (document, image, ...). */
    public record Hit(long id, long parentId, String name, String type, String kind, long size, OffsetDateTime updatedAt) {
    }

    public record Page(List<Hit> list, int page, int pageSize, boolean hasMore) {
    }
}
