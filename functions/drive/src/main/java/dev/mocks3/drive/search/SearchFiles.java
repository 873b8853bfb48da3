package dev.mocks3.drive.search;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /search/v1/search/files — the caller's files and folders whose names match, from the search
 * index: {@code list}, {@code page}, {@code pageSize}, {@code hasMore}. Only the caller's rows are
 * ever read (the statement starts with their id).
 *
 * <p>The statement runs with custom plans only ({@code plan_cache_mode}, for its transaction): the
 * driver prepares it once per connection, and after five runs PostgreSQL would keep a generic plan,
 * which cannot know how common the keyword is. That plan reads every match through the GIN index and
 * sorts them all (7,000 rows for a common word on a drive of 100,000 files: ten times the CPU of the
 * newest-first scan that stops after the first matches).
 */
@Component("driveSearchFiles")
public class SearchFiles extends DriveFunction {
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public SearchFiles(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        SearchQuery query = SearchQuery.from(call.input());
        SearchQuery.Sql sql = query.sql(call.user());
        var spec = db.sql(sql.text());
        for (int i = 0; i < sql.args().size(); i++) {
            spec = spec.bind(i, sql.args().get(i));
        }
        Mono<List<Hit>> hits = spec.map(row -> new Hit(row.get("entry_id", Long.class), row.get("parent_id", Long.class),
                        row.get("name", String.class), Boolean.TRUE.equals(row.get("folder", Boolean.class)) ? "folder" : "file",
                        row.get("kind", String.class), row.get("size", Long.class), row.get("updated_at", OffsetDateTime.class)))
                .all().collectList();
        Mono<Void> customPlans = db.sql("set local plan_cache_mode = force_custom_plan").then();
        return tx.transactional(customPlans.then(hits))
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
