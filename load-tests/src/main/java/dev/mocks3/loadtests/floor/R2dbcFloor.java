package dev.mocks3.loadtests.floor;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code concurrency} loops in this JVM, each sending one statement after the other through
 * r2dbc-postgresql and r2dbc-pool, configured as MockS3's {@code application.yml} has Spring Boot
 * configure them (binary rows, pool of 4 to 32, 10 s acquire timeout, local validation): a primary-key lookup of a row,
 * every column decoded, or an autocommit upsert of one. Each statement borrows a connection and gives
 * it back, as Spring's {@code DatabaseClient} does; the next one is sent from the thread that
 * completed the previous (the driver's event loop), as a request's next step is in MockS3.
 */
final class R2dbcFloor extends DatabaseLoad {

    private final ConnectionPool pool;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    private R2dbcFloor(FloorOptions options, FloorTable table, boolean write) {
        super(table);
        PostgresqlConnectionConfiguration config = PostgresqlConnectionConfiguration.builder()
                .host(options.pgHost()).port(options.pgPort()).username(options.pgUser())
                .database(options.database()).applicationName(FloorTable.applicationName())
                .forceBinary(true).build();
        ConnectionPoolConfiguration.Builder pooling = ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(config))
                .initialSize(4).maxSize(32).maxCreateConnectionTime(Duration.ofSeconds(5)).validationDepth(ValidationDepth.LOCAL);
        if (!options.acquireTimeout().isZero()) {
            pooling.maxAcquireTime(options.acquireTimeout());
        }
        this.pool = new ConnectionPool(pooling.build());
        Mono<Void> once = write ? statement(c -> upsert(c, options.rows())) : statement(c -> select(c, options.rows()));
        Flux.range(0, options.concurrency())
                .flatMap(i -> once.doOnSuccess(v -> completed.increment()).repeat(() -> running), options.concurrency())
                .doFinally(signal -> stopped.countDown())
                .subscribe(v -> { }, Throwable::printStackTrace);
    }

    static R2dbcFloor select(FloorOptions options, FloorTable table) {
        return new R2dbcFloor(options, table, false);
    }

    static R2dbcFloor commit(FloorOptions options, FloorTable table) {
        return new R2dbcFloor(options, table, true);
    }

    private Mono<Void> statement(java.util.function.Function<Connection, Statement> make) {
        return Mono.usingWhen(pool.create(),
                c -> Flux.from(make.apply(c).execute()).flatMap(result -> result.map(R2dbcFloor::decode)).then(),
                Connection::close);
    }

    private static Statement select(Connection c, int rows) {
        return c.createStatement(FloorTable.SELECT).bind("$1", FloorTable.BUCKET).bind("$2", FloorTable.key(rows));
    }

    private static Statement upsert(Connection c, int rows) {
        String[] v = FloorTable.writeValues();
        return c.createStatement(FloorTable.UPSERT).bind("$1", FloorTable.BUCKET).bind("$2", FloorTable.key(rows))
                .bind("$3", v[0]).bind("$4", 4096L).bind("$5", v[1]).bind("$6", v[2]).bind("$7", v[3]);
    }

    /** Every column of a row, in its default Java type (an upsert returns none). */
    private static Integer decode(Readable row) {
        int decoded = 0;
        if (row instanceof io.r2dbc.spi.Row r) {
            int columns = r.getMetadata().getColumnMetadatas().size();
            for (int i = 0; i < columns; i++) {
                if (r.get(i) != null) {
                    decoded++;
                }
            }
        }
        return decoded;
    }

    @Override
    public void close() throws InterruptedException {
        // let every loop give its connection back before the pool goes (cancelling them races the release)
        running = false;
        stopped.await(10, TimeUnit.SECONDS);
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
