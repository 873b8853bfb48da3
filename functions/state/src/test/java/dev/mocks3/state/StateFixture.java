package dev.mocks3.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.local.embedded.EmbeddedPostgres;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.FileSystemBlobStore;
import dev.mocks3.state.blob.StagedBlob;
import dev.mocks3.state.metadata.BlobReferences;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectLister;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectTagger;
import dev.mocks3.state.metadata.ObjectVersions;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.notification.NotificationStore;
import dev.mocks3.state.notification.ObjectEvents;
import dev.mocks3.state.outbox.Outbox;
import dev.mocks3.state.outbox.OutboxSignal;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;

/**
 * The state module's stores wired as {@link StateConfiguration} wires them, without the application:
 * on a real PostgreSQL (the embedded one, migrated by Flyway from this module's scripts, shared by
 * every test of a run) and a blob folder of the fixture's own.
 */
public final class StateFixture {
    private static ConnectionFactory connections;

    public final Path dataDir;
    public final DatabaseClient db;
    public final TransactionalOperator tx;
    public final FileSystemBlobStore blobs;
    public final BlobStaging staging;
    public final BlobReferences refs;
    public final BucketStore buckets;
    public final ObjectStore objects;
    public final ObjectVersions versions;
    public final ObjectWriter writer;
    public final ObjectTagger tagger;
    public final ObjectLister lister;
    public final MultipartStore multipart;

    public StateFixture() {
        ConnectionFactory factory = database();
        this.dataDir = Path.of("target", "it-data", "store-" + UUID.randomUUID()).toAbsolutePath();
        this.db = DatabaseClient.create(factory);
        this.tx = TransactionalOperator.create(new R2dbcTransactionManager(factory));
        this.blobs = new FileSystemBlobStore(dataDir.resolve("blobs"));
        this.staging = new BlobStaging(dataDir.resolve("tmp"));
        this.refs = new BlobReferences(db, tx, blobs);
        this.buckets = new BucketStore(db);
        this.objects = new ObjectStore(db);
        this.versions = new ObjectVersions(db);
        this.writer = writerOver(blobs);
        this.tagger = new ObjectTagger(db, objects, versions, refs, tx, events());
        this.lister = new ObjectLister(objects);
        this.multipart = new MultipartStore(db, tx, refs, blobs, staging);
    }

    /** A writer as {@link #writer}, whose blobs go to {@code store} (one that wraps {@link #blobs}). */
    public ObjectWriter writerOver(dev.mocks3.state.blob.BlobStore store) {
        return new ObjectWriter(objects, versions, refs, store, staging, tx, events());
    }

    private ObjectEvents events() {
        return new ObjectEvents(db, new NotificationStore(db), new Outbox(db, new OutboxSignal()));
    }

    /** A bucket of its own for one test, so tests never see each other's objects. */
    public String newBucket() {
        String name = "b-" + UUID.randomUUID().toString().substring(0, 13);
        buckets.create(name, "owner-key", "us-east-1").block();
        return name;
    }

    /** A bucket of its own with versioning set as given. */
    public String newBucket(dev.mocks3.state.metadata.Versioning versioning) {
        String name = newBucket();
        buckets.setVersioning(name, versioning).block();
        return name;
    }

    /** Content no other test writes, staged as an upload would be. */
    public StagedBlob stage(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return staging.stage(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))).block();
    }

    public static ObjectDraft draft(String bucket, String key) {
        return new ObjectDraft(bucket, key, "text/plain", java.util.Map.of(), java.util.Map.of(), "STANDARD", "owner-key");
    }

    /** How many references the blobs table counts for the hash; 0 when it has no row. */
    public long referencesTo(String sha256) {
        return db.sql("select ref_count from blobs where sha256 = $1").bind(0, sha256)
                .map(row -> row.get(0, Long.class)).one().defaultIfEmpty(0L).block();
    }

    public boolean blobFileExists(String sha256) {
        return Files.exists(dataDir.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                .resolve(sha256));
    }

    private static synchronized ConnectionFactory database() {
        if (connections == null) {
            Path workDir = Path.of("target", "it-data", "postgres-" + UUID.randomUUID()).toAbsolutePath();
            EmbeddedPostgres started = EmbeddedPostgres.start(workDir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-postgres"));
            Flyway.configure().dataSource(started.jdbcUrl(), started.username(), started.password())
                    .locations("classpath:db/migration").outOfOrder(true).load().migrate();
            connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(started.r2dbcUrl().replace("r2dbc:", "r2dbc:pool:"))
                    .mutate().option(ConnectionFactoryOptions.USER, started.username())
                    .option(ConnectionFactoryOptions.PASSWORD, started.password())
                    // as the application reads rows (application.yml): in binary
                    .option(io.r2dbc.spi.Option.valueOf("forceBinary"), true).build());
        }
        return connections;
    }
}
