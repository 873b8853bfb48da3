package dev.mocks3.loadtests.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.mocks3.loadtests.soak.SoakHttp.Answer;

/**
 * The end of a soak: every key reads back as its writer last knew it, the listing agrees, no
 * upload is left open; then, with the data folder at hand, no temporary upload file is left, and
 * once the bucket is emptied and deleted, and the store's sweep has run, no blob file is left either.
 */
final class SoakCheck {
    private static final long WAIT_FOR_SERVICE_MILLIS = 120_000;
    private static final long WAIT_FOR_SWEEP_MILLIS = 120_000;
    /** Longer than the store's body-read timeout (20 s by default). */
    private static final long WAIT_FOR_UPLOADS_MILLIS = 30_000;

    private final SoakHttp s3;
    private final SoakTally tally;
    private final PrintStream out;

    SoakCheck(SoakHttp s3, SoakTally tally, PrintStream out) {
        this.s3 = s3;
        this.tally = tally;
        this.out = out;
    }

    void run(List<KeyLedger> keys, Path dataDir) throws IOException, InterruptedException {
        Map<String, String> listed = waitForListing();
        int present = 0;
        for (KeyLedger key : keys) {
            Answer answer = readBack(key.key());
            String listedEtag = listed.remove(key.key());
            String found = answer.status() == 200 ? SoakContent.md5Hex(answer.body()) : null;
            if (answer.status() != 200 && answer.status() != 404) {
                tally.violation(key.key() + ": final GET answered " + answer.status());
                continue;
            }
            if (!key.allows(found)) {
                tally.violation(key.key() + ": final GET found " + (found == null ? "no object" : "MD5 " + found)
                        + ", acknowledged " + key.settled().map(SoakContent::md5Hex).orElse("no object"));
                continue;
            }
            key.observed(found);
            if (found != null) {
                present++;
                String expected = key.settled().map(SoakContent::etag).orElse(null);
                if (listedEtag == null) {
                    tally.violation(key.key() + ": readable but missing from the listing");
                } else if (expected != null && !expected.equals(listedEtag)) {
                    tally.violation(key.key() + ": listed with ETag " + listedEtag + ", acknowledged " + expected);
                }
            } else if (listedEtag != null) {
                tally.violation(key.key() + ": listed but GET finds no object");
            }
        }
        listed.keySet().forEach(extra -> tally.violation(extra + ": listed but never written"));
        List<SoakHttp.Upload> open = s3.listMultipartUploads();
        for (SoakHttp.Upload upload : open) {
            s3.abortMultipartUpload(upload.key(), upload.uploadId());
        }
        out.printf(Locale.ROOT, "final check: %d keys, %d objects read back, %d unfinished multipart uploads aborted%n",
                keys.size(), present, open.size());
        if (dataDir != null) {
            List<Path> temporary = settled(() -> files(dataDir.resolve("tmp"), name -> name.startsWith("upload-")),
                    WAIT_FOR_UPLOADS_MILLIS);
            temporary.forEach(file -> tally.violation("temporary upload file left: " + file));
            out.printf(Locale.ROOT, "temporary upload files left: %d%n", temporary.size());
        }
        emptyAndDelete(keys);
        if (dataDir != null) {
            List<Path> blobs = settled(() -> files(dataDir.resolve("blobs"), name -> name.length() == 64), WAIT_FOR_SWEEP_MILLIS);
            blobs.forEach(file -> tally.violation("blob file with no object after the bucket was deleted: " + file));
            out.printf(Locale.ROOT, "blob files left after deleting every object: %d%n", blobs.size());
        }
    }

    /**
     * What is still there after waiting for it to go: an abandoned upload the server has not noticed
     * yet fails within its body-read timeout, and a write whose clean-up failed while PostgreSQL was
     * down leaves its old blob to the store's sweep (run it often for a soak).
     */
    private static List<Path> settled(java.util.function.Supplier<List<Path>> leftovers, long patienceMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + patienceMillis;
        List<Path> left = leftovers.get();
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            left = leftovers.get();
        }
        return left;
    }

    private Map<String, String> waitForListing() throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + WAIT_FOR_SERVICE_MILLIS;
        while (true) {
            try {
                return s3.listObjects();
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("the store did not list the bucket within " + WAIT_FOR_SERVICE_MILLIS + " ms", e);
                }
                Thread.sleep(500);
            }
        }
    }

    private Answer readBack(String key) throws IOException, InterruptedException {
        Answer answer = s3.get(key);
        for (int attempt = 0; attempt < 20 && answer.status() == 503; attempt++) {
            Thread.sleep(500);
            answer = s3.get(key);
        }
        return answer;
    }

    private void emptyAndDelete(List<KeyLedger> keys) throws IOException, InterruptedException {
        for (KeyLedger key : keys) {
            Answer deleted = s3.delete(key.key());
            if (!deleted.ok()) {
                tally.violation(key.key() + ": final DELETE answered " + deleted.status());
            }
        }
        Answer bucket = s3.deleteBucket();
        if (!bucket.ok()) {
            tally.violation("DeleteBucket after emptying it answered " + bucket.status() + ": " + bucket.text());
        }
    }

    private static List<Path> files(Path root, java.util.function.Predicate<String> named) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> named.test(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
