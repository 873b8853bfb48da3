package dev.mocks3.loadtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PeerComparison's 4 KiB phases sent by {@code wrk} (issue 13's own measurements were wrk's): two threads,
 * N connections, a Lua script per scenario. wrk's C client takes a small part of the CPU that the JDK's
 * HttpClient takes for the same requests, and on a 2-core machine the client's CPU is the server's
 * competitor. The GET script reads the objects {@link Get4kScenario#fill} wrote, in random order; the PUT
 * script writes new 4 KiB bodies (never the same twice) over 64 keys per connection, as
 * {@link Put4kScenario} does. wrk does not compare bodies: the JDK client's phases do.
 */
final class WrkPhase {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)\\b");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s|m)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private WrkPhase() {
    }

    /**
     * What wrk reported for one phase: {@code requests} are the answers it got (non-2xx included),
     * {@code errorAnswers} the non-2xx among them, {@code socketErrors} the requests that got no answer.
     */
    record Result(long requests, long errorAnswers, long socketErrors, double seconds, double p99Millis) {
        long successes() {
            return requests - errorAnswers;
        }

        long errors() {
            return errorAnswers + socketErrors;
        }

        double requestsPerSecond() {
            return seconds > 0 ? successes() / seconds : Double.NaN;
        }
    }

    static Result gets(String endpoint, String bucket, int objects, int clients, Duration duration, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("wrk-get.lua");
        Files.writeString(script, """
                -- GETs of the objects PeerComparison wrote, in random order
                init = function(args)
                  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%%x+)"), 16) %% 1000003)
                end
                request = function()
                  return wrk.format("GET", "/%s/get-4k/object-" .. math.random(0, %d))
                end
                """.formatted(bucket, objects - 1), StandardCharsets.UTF_8);
        return run(script, endpoint, clients, duration);
    }

    static Result puts(String endpoint, String bucket, int clients, Duration duration, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("wrk-put.lua");
        Files.writeString(script, """
                -- PUTs of new 4 KiB bodies: a tag per wrk thread and a counter make every body new
                counter = 0
                init = function(args)
                  tag = tostring({}):match("0x(%%x+)")
                  math.randomseed(os.time() + tonumber(tag, 16) %% 1000003)
                end
                request = function()
                  counter = counter + 1
                  local stamp = tag .. "-" .. counter .. "-"
                  local body = stamp .. string.rep("x", 4096 - #stamp)
                  return wrk.format("PUT", "/%s/put-4k/wrk-" .. math.random(0, %d), nil, body)
                end
                """.formatted(bucket, clients * PutGet4kScenario.KEYS_PER_CLIENT - 1), StandardCharsets.UTF_8);
        return run(script, endpoint, clients, duration);
    }

    private static Result run(Path script, String endpoint, int clients, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t2", "-c" + clients, "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--latency", "-s", script.toString(), endpoint);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return parse(out);
    }

    /**
     * wrk's report: answers and their time, the 99th percentile (with {@code --latency}), and every error it counts.
     * Its request count holds the non-2xx answers but not the socket errors (no answer came).
     */
    static Result parse(String report) {
        Matcher requests = REQUESTS.matcher(report);
        if (!requests.find()) {
            throw new IllegalArgumentException("not a wrk report: " + report);
        }
        long count = Long.parseLong(requests.group(1));
        double seconds = millis(requests.group(2), requests.group(3)) / 1000;
        Matcher p99 = P99.matcher(report);
        double p99Millis = p99.find() ? millis(p99.group(1), p99.group(2)) : Double.NaN;
        Matcher non2xx = NON_2XX.matcher(report);
        long errorAnswers = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        long socketErrors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                socketErrors += Long.parseLong(socket.group(i));
            }
        }
        return new Result(count, errorAnswers, socketErrors, seconds, p99Millis);
    }

    private static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            case "m" -> number * 60_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
