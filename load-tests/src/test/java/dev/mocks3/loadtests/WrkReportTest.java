package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** PeerComparison's wrk client reads wrk's report: what it counts as requests, errors, time and p99. */
class WrkReportTest {

    @Test
    void aCleanRunCountsEveryRequestAsASuccess() {
        WrkPhase.Result result = WrkPhase.parse("""
                Running 20s test @ http://127.0.0.1:18080
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     2.21ms    1.03ms  30.12ms   85.00%
                    Req/Sec     3.64k   301.41     4.62k    65.75%
                  Latency Distribution
                     50%    2.05ms
                     75%    2.60ms
                     90%    3.20ms
                     99%    5.91ms
                  145315 requests in 20.02s, 611.02MB read
                Requests/sec:   7258.49
                Transfer/sec:     30.52MB
                """);

        assertThat(result.requests()).isEqualTo(145_315);
        assertThat(result.errors()).isZero();
        assertThat(result.seconds()).isCloseTo(20.02, within(1e-9));
        assertThat(result.p99Millis()).isCloseTo(5.91, within(1e-9));
        assertThat(result.requestsPerSecond()).isCloseTo(145_315 / 20.02, within(1e-6));
    }

    @Test
    void errorAnswersAndSocketErrorsAreNotSuccessesAndUnitsAreRead() {
        WrkPhase.Result result = WrkPhase.parse("""
                  Latency Distribution
                     50%  812.00us
                     75%    1.20ms
                     90%    1.90ms
                     99%    1.02s
                  1000 requests in 1.00m, 4.10MB read
                  Socket errors: connect 1, read 2, write 3, timeout 4
                  Non-2xx or 3xx responses: 90
                Requests/sec:     16.66
                """);

        assertThat(result.errors()).isEqualTo(100);
        // wrk's 1000 are answers, the 90 non-2xx among them; the 10 socket errors got none
        assertThat(result.successes()).isEqualTo(910);
        assertThat(result.seconds()).isCloseTo(60, within(1e-9));
        assertThat(result.p99Millis()).isCloseTo(1020, within(1e-9));
        assertThat(result.requestsPerSecond()).isCloseTo(910 / 60.0, within(1e-9));
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> WrkPhase.parse("unable to connect to 127.0.0.1:18080 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a wrk report");
    }
}
