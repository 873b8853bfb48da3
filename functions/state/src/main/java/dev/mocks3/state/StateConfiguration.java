package dev.mocks3.state;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.events.delivery.DeliveryFaults;
import dev.mocks3.events.delivery.EventDelivery;
import dev.mocks3.events.delivery.EventDeliveryConfiguration;
import dev.mocks3.events.delivery.EventsProperties;
import dev.mocks3.events.delivery.NotificationsProperties;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.ComposedBlobStore;
import dev.mocks3.state.blob.FileSystemBlobStore;
import dev.mocks3.state.blob.RowContentBlobStore;
import dev.mocks3.state.blob.S3BlobStore;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.metadata.BlobReferences;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.LifecycleRemovals;
import dev.mocks3.state.metadata.LifecycleStore;
import dev.mocks3.state.metadata.StorageClassChanges;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.ObjectLister;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectTagger;
import dev.mocks3.state.metadata.VersionLister;
import dev.mocks3.state.metadata.ObjectVersions;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.VersionHeaders;
import dev.mocks3.state.metadata.BucketTagStore;
import dev.mocks3.state.metadata.StorageSweep;
import dev.mocks3.state.notification.NotificationStore;
import dev.mocks3.state.notification.ObjectEvents;
import dev.mocks3.state.outbox.Outbox;
import dev.mocks3.state.outbox.OutboxDispatcher;
import dev.mocks3.state.outbox.OutboxSignal;
import dev.mocks3.state.outbox.ScheduledEvents;
import dev.mocks3.state.upstream.UpstreamReader;
import dev.mocks3.state.upstream.UpstreamStore;

/**
 * Wires the stores: PostgreSQL through R2DBC, Redis through Redisson, blobs on disk or upstream S3.
 * The state module's auto-configuration: its stores are lazy, so an instance builds only those its
 * functions use; other components of {@code dev.mocks3.state} are picked up by the scan.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class,
        EventDeliveryConfiguration.class})
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
@Lazy
public class StateConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StateConfiguration.class);

    @Bean
    BlobStaging blobStaging(StorageProperties storage) {
        return new BlobStaging(storage.tmpDir());
    }

    @Bean
    StorageSweep storageSweep(DatabaseClient db, TransactionalOperator tx, BlobReferences refs, BlobStore blobs,
                              BlobStaging staging, StorageProperties storage) {
        return new StorageSweep(db, tx, refs, blobs, staging, storage.sweepInterval(), storage.orphanGrace());
    }

    @Bean
    BlobStore blobStore(StorageProperties storage, DatabaseClient db) {
        if (storage.upstream().enabled()) {
            log.info("blobs in upstream bucket {}", storage.upstream().bucket());
            return new ComposedBlobStore(new RowContentBlobStore(new S3BlobStore(storage.upstream()), db));
        }
        log.info("blobs in {}", storage.blobDir().toAbsolutePath());
        return new ComposedBlobStore(new RowContentBlobStore(new FileSystemBlobStore(storage.blobDir()), db));
    }

    @Bean
    BlobReferences blobReferences(DatabaseClient db, TransactionalOperator tx, BlobStore blobs) {
        return new BlobReferences(db, tx, blobs);
    }

    @Bean
    BucketStore bucketStore(DatabaseClient db) {
        return new BucketStore(db);
    }

    @Bean
    BucketConfigurationStore bucketConfigurationStore(DatabaseClient db) {
        return new BucketConfigurationStore(db);
    }

    @Bean
    LifecycleStore lifecycleStore(DatabaseClient db) {
        return new LifecycleStore(db);
    }

    @Bean
    UpstreamStore upstreamStore(DatabaseClient db) {
        return new UpstreamStore(db);
    }

    @Bean(destroyMethod = "close")
    UpstreamReader upstreamReader() {
        return new UpstreamReader();
    }

    @Bean
    ObjectStore objectStore(DatabaseClient db) {
        return new ObjectStore(db);
    }

    @Bean
    ObjectLister objectLister(ObjectStore objects) {
        return new ObjectLister(objects);
    }

    @Bean
    ObjectVersions objectVersions(DatabaseClient db) {
        return new ObjectVersions(db);
    }

    @Bean
    ObjectWriter objectWriter(ObjectStore objects, ObjectVersions versions, BlobReferences refs, BlobStore blobs,
                              BlobStaging staging, TransactionalOperator tx, ObjectEvents events) {
        return new ObjectWriter(objects, versions, refs, blobs, staging, tx, events);
    }

    @Bean
    VersionLister versionLister(ObjectVersions versions) {
        return new VersionLister(versions);
    }

    @Bean
    VersionHeaders versionHeaders(DatabaseClient db, ObjectStore objects, ObjectVersions versions, BlobReferences refs,
                                  TransactionalOperator tx) {
        return new VersionHeaders(db, objects, versions, refs, tx);
    }

    @Bean
    LifecycleRemovals lifecycleRemovals(DatabaseClient db, BlobReferences refs, TransactionalOperator tx, ObjectEvents events) {
        return new LifecycleRemovals(db, refs, tx, events);
    }

    @Bean
    StorageClassChanges storageClassChanges(DatabaseClient db, TransactionalOperator tx, ObjectEvents events) {
        return new StorageClassChanges(db, tx, events);
    }

    @Bean
    ObjectTagger objectTagger(DatabaseClient db, ObjectStore objects, ObjectVersions versions, BlobReferences refs,
                              TransactionalOperator tx, ObjectEvents events) {
        return new ObjectTagger(db, objects, versions, refs, tx, events);
    }

    @Bean
    BucketTagStore bucketTagStore(DatabaseClient db) {
        return new BucketTagStore(db);
    }

    @Bean
    NotificationStore notificationStore(DatabaseClient db) {
        return new NotificationStore(db);
    }

    @Bean
    ObjectEvents objectEvents(DatabaseClient db, NotificationStore configurations, Outbox outbox) {
        return new ObjectEvents(db, configurations, outbox);
    }

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    Outbox outbox(DatabaseClient db, OutboxSignal signal) {
        return new Outbox(db, signal);
    }

    @Bean
    ScheduledEvents scheduledEvents(DatabaseClient db) {
        return new ScheduledEvents(db);
    }

    @Bean
    OutboxDispatcher outboxDispatcher(DatabaseClient db, TransactionalOperator tx, EventDelivery delivery,
                                      ObjectProvider<DeliveryFaults> faults, NotificationsProperties notifications,
                                      EventsProperties events, OutboxSignal signal) {
        return new OutboxDispatcher(db, tx, delivery, faults.getIfAvailable(() -> DeliveryFaults.NONE), notifications,
                signal, events.timeout());
    }

    @Bean
    MultipartStore multipartStore(DatabaseClient db, TransactionalOperator tx, BlobReferences refs, BlobStore blobs,
                                  BlobStaging staging) {
        return new MultipartStore(db, tx, refs, blobs, staging);
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.address()).setPassword(redis.password())
                .setDatabase(redis.database()).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16);
        return Redisson.create(config);
    }
}
