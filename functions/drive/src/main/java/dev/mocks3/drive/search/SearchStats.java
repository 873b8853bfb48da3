package dev.mocks3.drive.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * GET /search/v1/search/stats — the caller's files counted by kind: {@code files}, {@code bytes},
 * {@code folders}, and {@code types[]} ({@code type}, {@code count}, {@code bytes}) with every kind,
 * from the search index (the trash is not counted).
 */
@Component("driveSearchStats")
public class SearchStats extends DriveFunction {
    private final DatabaseClient db;

    public SearchStats(DatabaseClient db) {
        this.db = db;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return db.sql("select kind, count(*) as n, coalesce(sum(size), 0) as bytes from drive_search where user_id = $1 group by kind")
                .bind(0, call.user())
                .map(row -> Map.entry(FileKind.ofLabel(row.get("kind", String.class)),
                        new long[] {row.get("n", Long.class), ((Number) row.get("bytes")).longValue()}))
                .all().collectList()
                .map(rows -> {
                    Map<FileKind, long[]> byKind = new EnumMap<>(FileKind.class);
                    rows.forEach(e -> byKind.put(e.getKey(), e.getValue()));
                    long files = 0;
                    long bytes = 0;
                    List<TypeCount> types = new java.util.ArrayList<>();
                    for (FileKind kind : FileKind.values()) {
                        if (kind == FileKind.FOLDER) {
                            continue;
                        }
                        long[] found = byKind.getOrDefault(kind, new long[2]);
                        types.add(new TypeCount(kind.label(), found[0], found[1]));
                        files += found[0];
                        bytes += found[1];
                    }
                    long folders = byKind.getOrDefault(FileKind.FOLDER, new long[2])[0];
                    return DriveReply.data(new Stats(files, bytes, folders, types));
                });
    }

    public record TypeCount(String type, long count, long bytes) {
    }

    public record Stats(long files, long bytes, long folders, List<TypeCount> types) {
    }
}
