package dev.mocks3.loadtests.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackFloorReportTest {

    @Test
    void withoutArgumentsEveryModeRunsAtSixteenOnTheMachinesPostgres() {
        FloorOptions options = FloorOptions.parse();

        assertThat(options.modes()).containsExactly("http", "webflux", "select", "commit", "jdbc-select", "jdbc-commit");
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.round()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.pgHost() + ":" + options.pgPort()).isEqualTo("127.0.0.1:5432");
        assertThat(options.rows()).isEqualTo(1000);
        assertThat(options.threads()).isFalse();
        assertThat(options.acquireTimeout()).as("MockS3's max-acquire-time").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void optionsAreReadInAnyOrder() {
        FloorOptions options = FloorOptions.parse("--threads", "--modes", "commit,http", "--round", "15",
                "--measured", "5", "--max-warmups", "0", "--port", "19901", "--database", "scratch",
                "--acquire-timeout", "0");

        assertThat(options.modes()).containsExactly("commit", "http");
        assertThat(options.round()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.measured()).isEqualTo(5);
        assertThat(options.maxWarmups()).isZero();
        assertThat(options.port()).isEqualTo(19901);
        assertThat(options.database()).isEqualTo("scratch");
        assertThat(options.threads()).isTrue();
        assertThat(options.acquireTimeout()).isZero();
    }

    @Test
    void anUnknownModeOrAMissingValueIsRefused() {
        assertThatThrownBy(() -> FloorOptions.parse("--modes", "select,grpc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown mode grpc");
        assertThatThrownBy(() -> FloorOptions.parse("--round"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--round needs a value");
        assertThatThrownBy(() -> FloorOptions.parse("--measured", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> FloorOptions.parse("--pool", "8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --pool");
    }

    @Test
    void theLineGivesMicrosecondsPerRequestOfTheJvmTheDatabaseAndBoth() {
        FloorResult rounds = new FloorResult("commit", 1_000, 300_000_000, 150_000_000)
                .plus(new FloorResult("commit", 3_000, 900_000_000, 450_000_000));

        assertThat(rounds.requests()).isEqualTo(4_000);
        assertThat(rounds.line()).isEqualTo(
                "commit       requests      4,000   CPU us/request JVM   300.0 / database   150.0 / sum   450.0");
    }

    @Test
    void theRequestCountIsWrksSummary() {
        String wrk = """
                Running 10s test @ http://127.0.0.1:19900/bench/k1
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   411.02us  201.71us   9.11ms   91.23%
                    Req/Sec    19.45k     1.02k   21.38k    70.50%
                  387123 requests in 10.00s, 1.56GB read
                Requests/sec:  38712.30
                """;

        assertThat(HttpFloor.requests(wrk)).isEqualTo(387_123);
        assertThatThrownBy(() -> HttpFloor.requests("unable to connect")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBackendFirstSeenAfterTheRoundCountsWholeAndThreadsAreRankedByCost() {
        assertThat(ProcCpu.spent(Map.of(1L, 100L, 2L, 50L), Map.of(1L, 400L, 2L, 50L, 3L, 70L))).isEqualTo(370);

        String threads = StackFloor.threads(Map.of("reactor-tcp-epo", 0L, "GC Thread#", 0L),
                Map.of("reactor-tcp-epo", 300_000_000L, "GC Thread#", 20_000_000L, "idle", 500_000L, "new", 40_000_000L), 1_000);
        assertThat(threads).isEqualTo("JVM threads, us/request: reactor-tcp-epo 300.0; new 40.0; GC Thread# 20.0;");
    }

    @Test
    void jdbcGetsQuestionMarksWhereR2dbcHasNumberedParameters() {
        assertThat(FloorTable.jdbc(FloorTable.SELECT)).isEqualTo("select * from floor_objects where bucket = ? and key = ?");
        assertThat(FloorTable.jdbc("values ($6::jsonb, $10)")).isEqualTo("values (?::jsonb, ?)");
        assertThat(List.of(FloorTable.writeValues()[0].length())).containsExactly(64);
    }
}
