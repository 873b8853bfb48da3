package dev.mocks3.drive.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.storage.DriveBucket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * GET /file/v1/folder/zip?id= — a folder (id 0: the whole drive) as a zip, written while it is
 * sent: each file streams from S3 into the zip on a worker thread, back-pressured by the client.
 */
@Component("driveFolderZip")
public class FolderZip extends DriveFunction {
    private static final int CHUNK = 64 * 1024;
    private final EntryStore entries;
    private final ContentStore contents;
    private final DriveBucket bucket;

    public FolderZip(EntryStore entries, ContentStore contents, DriveBucket bucket) {
        this.entries = entries;
        this.contents = contents;
        this.bucket = bucket;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id", EntryStore.ROOT);
        Mono<String> zipName = id == EntryStore.ROOT ? Mono.just("drive") : entries.live(user, id)
                .flatMap(folder -> folder.folder() ? Mono.just(folder.name()) : Mono.error(DriveError.NOT_A_FOLDER.exception()));
        Flux<Entry> tree = id == EntryStore.ROOT ? entries.allLive(user) : entries.subtree(user, id).skip(1);
        return zipName.flatMap(name -> tree.collectList()
                .flatMap(files -> contents.keysOf(files.stream().filter(e -> !e.folder()).map(Entry::sha256).distinct().toList())
                        .map(keys -> {
                            HttpHeaders headers = new HttpHeaders();
                            headers.setContentType(MediaType.parseMediaType("application/zip"));
                            headers.set(HttpHeaders.CONTENT_DISPOSITION, Attachment.disposition(name + ".zip"));
                            return new DriveReply.Stream(headers, Flux.from(DataBufferUtils.outputStreamPublisher(
                                    out -> write(out, id, files, keys), DefaultDataBufferFactory.sharedInstance,
                                    Schedulers.boundedElastic()::schedule, CHUNK)));
                        })));
    }

    private void write(OutputStream out, long rootId, List<Entry> tree, Map<String, String> keys) {
        Map<Long, String> paths = new HashMap<>();
        paths.put(rootId, "");
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : tree) {
                String path = paths.get(e.parentId()) + e.name();
                if (e.folder()) {
                    paths.put(e.id(), path + "/");
                    zip.putNextEntry(new ZipEntry(path + "/"));
                    zip.closeEntry();
                    continue;
                }
                ZipEntry entry = new ZipEntry(path);
                entry.setSize(e.size());
                zip.putNextEntry(entry);
                try (InputStream in = bucket.openBlocking(keys.get(e.sha256()))) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
