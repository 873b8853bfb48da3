package dev.mocks3.drive;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.call.FunctionDefinition;
import dev.mocks3.core.drive.DriveEndpoint;
import dev.mocks3.drive.account.JwtSecret;
import dev.mocks3.drive.account.LoginLimiter;
import dev.mocks3.drive.account.Passwords;
import dev.mocks3.drive.account.Tokens;
import dev.mocks3.drive.account.UserStore;
import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.DriveRouter;
import dev.mocks3.drive.observe.DriveMeters;
import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.core.observe.SidePortRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.mocks3.drive.http.DriveServer;
import dev.mocks3.drive.purge.TrashProperties;
import dev.mocks3.drive.purge.TrashPurger;
import dev.mocks3.drive.purge.TrashRetention;
import dev.mocks3.drive.purge.UploadExpiry;
import dev.mocks3.drive.search.SearchIndex;
import dev.mocks3.drive.search.SearchIndexing;
import dev.mocks3.drive.storage.DriveBucket;
import dev.mocks3.drive.upload.UploadPlanner;
import dev.mocks3.drive.upload.UploadStore;
import dev.mocks3.drive.upload.UploadSweeper;
import dev.mocks3.jobs.JobsConfiguration;
import dev.mocks3.drive.upload.UploadVerifications;
import dev.mocks3.state.StateConfiguration;
import dev.mocks3.state.outbox.Outbox;
import dev.mocks3.state.StorageProperties;
import reactor.core.publisher.Mono;

/**
 * The cloud drive module's auto-configuration: its stores, its bucket client, one function bean
 * per {@link DriveEndpoint} (scanned from {@code dev.mocks3.drive}) and the drive API server on
 * {@code mocks3.drive.port}. Built only where the function definition selects a drive function.
 */
@AutoConfiguration(after = {StateConfiguration.class, JobsConfiguration.class})
@Conditional(DriveSelected.class)
@EnableConfigurationProperties({DriveProperties.class, TrashProperties.class})
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
public class DriveConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DriveConfiguration.class);

    @Bean
    Tokens driveTokens(DriveProperties p, StorageProperties storage) {
        return new Tokens(JwtSecret.resolve(p.jwtSecret(), storage.dataDir()), p.tokenLifetime(), Clock.systemUTC());
    }

    @Bean
    Passwords drivePasswords() {
        return new Passwords();
    }

    @Bean
    LoginLimiter driveLoginLimiter(RedissonClient redis, DriveProperties p) {
        return new LoginLimiter(redis.reactive(), p.loginPerMobile(), p.loginPerAddress(), p.loginWindow());
    }

    @Bean
    UserStore driveUserStore(DatabaseClient db) {
        return new UserStore(db);
    }

    @Bean
    EntryStore driveEntryStore(DatabaseClient db) {
        return new EntryStore(db);
    }

    @Bean
    ContentStore driveContentStore(DatabaseClient db) {
        return new ContentStore(db);
    }

    @Bean
    UploadStore driveUploadStore(DatabaseClient db) {
        return new UploadStore(db);
    }

    @Bean
    QuotaLedger driveQuotaLedger(DatabaseClient db, TransactionalOperator tx, RedissonClient redis) {
        return new QuotaLedger(db, tx, redis.reactive());
    }

    @Bean(destroyMethod = "close")
    DriveBucket driveBucket(DriveProperties p, Environment env) {
        return new DriveBucket(p.s3(), () -> p.s3().endpoint() != null ? p.s3().endpoint() : localS3(env));
    }

    @Bean
    UploadPlanner driveUploadPlanner(DriveBucket bucket, DriveProperties p) {
        return new UploadPlanner(bucket, p);
    }

    @Bean
    UploadVerifications driveUploadVerifications(RedissonClient redis) {
        return new UploadVerifications(redis.reactive());
    }

    @Bean
    UploadSweeper driveUploadSweeper(UploadStore uploads, DriveBucket bucket) {
        return new UploadSweeper(uploads, bucket);
    }

    @Bean
    SearchIndexing driveSearchIndexing(Outbox outbox) {
        return new SearchIndexing(outbox);
    }

    @Bean
    SearchIndex driveSearchIndexStore(DatabaseClient db, EntryStore entries, TransactionalOperator tx) {
        return new SearchIndex(db, entries, tx);
    }

    @Bean
    TrashRetention driveTrashRetention(DatabaseClient db, Outbox outbox, TrashProperties trash) {
        return new TrashRetention(db, outbox, trash);
    }

    @Bean
    TrashPurger driveTrashPurger(EntryStore entries, ContentStore contents, QuotaLedger quotas, DriveBucket bucket,
                                 TransactionalOperator tx) {
        return new TrashPurger(entries, contents, quotas, bucket, tx);
    }

    @Bean
    UploadExpiry driveUploadExpiry(Outbox outbox, DriveProperties p) {
        return new UploadExpiry(outbox, p.uploadExpiry());
    }

    @Bean
    DriveRuntime driveRuntime(DriveBucket bucket, UploadSweeper sweeper, QuotaLedger quotas, DriveProperties p) {
        return new DriveRuntime(bucket, sweeper, quotas, p);
    }

    @Bean
    DriveMeters driveMeters(ObjectProvider<MeterRegistry> registry, ObjectProvider<RequestTracing> tracing) {
        return new DriveMeters(registry.getIfAvailable(SimpleMeterRegistry::new), tracing.getIfAvailable(() -> RequestTracing.OFF));
    }

    @Bean
    DriveServer driveServer(FunctionCatalog catalog, Tokens tokens, ObjectProvider<ObjectMapper> mapper, DriveProperties p,
                            Environment env, DriveMeters meters, ObjectProvider<SidePortRoutes> sidePort) {
        FunctionDefinition selected = new FunctionDefinition(env.getProperty(FunctionDefinition.PROPERTY, ""));
        Map<DriveEndpoint, Function<Mono<DriveCall>, Mono<DriveReply>>> functions = new EnumMap<>(DriveEndpoint.class);
        for (DriveEndpoint endpoint : DriveEndpoint.values()) {
            if (selected.selects(endpoint.functionName())) {
                Function<Mono<DriveCall>, Mono<DriveReply>> function = catalog.lookup(Function.class, endpoint.functionName());
                if (function != null) {
                    functions.put(endpoint, function);
                }
            }
        }
        log.info("serving {} drive endpoints", functions.size());
        String host = p.host() != null ? p.host() : env.getProperty("server.address", "0.0.0.0");
        DriveRouter router = new DriveRouter(functions, tokens, mapper.getIfAvailable(ObjectMapper::new), p.trustForwardedFor(),
                meters);
        return new DriveServer(SidePortRoutes.before(sidePort.getIfAvailable(), router.routes()), host, p.port());
    }

    /** This MockS3's own S3 port, reached on the loopback when it listens on every address. */
    private static URI localS3(Environment env) {
        String address = env.getProperty("server.address", "127.0.0.1");
        if (address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)) {
            address = "127.0.0.1";
        }
        if (address.contains(":")) {
            address = "[" + address + "]";
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return URI.create("http://" + address + ":" + port);
    }
}
