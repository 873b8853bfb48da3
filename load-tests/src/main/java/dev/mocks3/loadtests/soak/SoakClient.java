package dev.mocks3.loadtests.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.mocks3.loadtests.soak.SoakHttp.Answer;
import dev.mocks3.loadtests.soak.SoakTally.Op;
import dev.mocks3.loadtests.soak.SoakTally.Outcome;

/**
 * One soak client: a loop of random PUT, GET, DELETE, multipart uploads and abandoned requests on
 * keys that only it writes, so it always knows what each key may hold and checks every read
 * against that. A 4xx answer and an abandoned upload must change nothing; a write answered 503
 * may still have landed (PostgreSQL can die between committing and saying so), as S3 documents
 * for any 5xx, so its outcome counts as unknown until a later read or write settles it.
 */
final class SoakClient {
    static final int PART_SIZE = 5 << 20;
    private static final int MAX_SMALL_SIZE = 64 << 10;

    private final int number;
    private final SoakHttp s3;
    private final AbandonedRequests abandoned;
    private final SoakTally tally;
    private final AtomicLong lastOkNanos;
    private final SplittableRandom random;
    private final List<KeyLedger> keys = new ArrayList<>();

    SoakClient(int number, int keyCount, SoakHttp s3, SoakTally tally, AtomicLong lastOkNanos, long seed) {
        this.number = number;
        this.s3 = s3;
        this.abandoned = new AbandonedRequests(s3.target());
        this.tally = tally;
        this.lastOkNanos = lastOkNanos;
        this.random = new SplittableRandom(seed);
        for (int k = 0; k < keyCount; k++) {
            keys.add(new KeyLedger("soak/c" + number + "/k" + k));
        }
    }

    List<KeyLedger> keys() {
        return keys;
    }

    void runUntil(long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            KeyLedger key = keys.get(random.nextInt(keys.size()));
            int dice = random.nextInt(100);
            try {
                if (dice < 40) {
                    put(key);
                } else if (dice < 75) {
                    get(key);
                } else if (dice < 85) {
                    delete(key);
                } else if (dice < 90) {
                    multipart(key);
                } else if (dice < 95) {
                    abandonedPut(key);
                } else {
                    abandonedGet(key);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void put(KeyLedger key) throws InterruptedException {
        long seed = random.nextLong();
        byte[] body = SoakContent.bytes(seed, random.nextInt(MAX_SMALL_SIZE + 1));
        String md5 = SoakContent.md5Hex(body);
        try {
            Answer answer = s3.put(key.key(), body);
            if (answer.ok()) {
                key.written(new SoakContent(seed, body.length, md5, answer.etag()));
                if (!md5.equals(answer.etag())) {
                    tally.violation(key.key() + ": PUT answered ETag " + answer.etag() + " for a body whose MD5 is " + md5);
                }
            } else if (answer.status() == 503) {
                key.maybe(Optional.of(new SoakContent(seed, body.length, md5, md5)));
            }
            settle(Op.PUT, answer);
        } catch (IOException e) {
            key.maybe(Optional.of(new SoakContent(seed, body.length, md5, md5)));
            broken(Op.PUT);
        }
    }

    private void get(KeyLedger key) throws InterruptedException {
        try {
            Answer answer = s3.get(key.key());
            if (answer.status() == 200 || answer.status() == 404) {
                String found = answer.status() == 200 ? SoakContent.md5Hex(answer.body()) : null;
                if (key.allows(found)) {
                    key.observed(found);
                } else {
                    tally.violation(key.key() + ": GET found " + (found == null ? "no object" : "a body with MD5 " + found)
                            + ", expected " + key.settled().map(SoakContent::md5Hex).orElse("no object"));
                }
                tally.count(Op.GET, Outcome.OK);
                lastOkNanos.set(System.nanoTime());
            } else {
                settle(Op.GET, answer);
            }
        } catch (IOException e) {
            broken(Op.GET);
        }
    }

    private void delete(KeyLedger key) throws InterruptedException {
        try {
            Answer answer = s3.delete(key.key());
            if (answer.ok()) {
                key.deleted();
            } else if (answer.status() == 503) {
                key.maybe(Optional.empty());
            }
            settle(Op.DELETE, answer);
        } catch (IOException e) {
            key.maybe(Optional.empty());
            broken(Op.DELETE);
        }
    }

    /** Two parts (5 MiB and up to 64 KiB) joined; any failed step aborts the upload. */
    private void multipart(KeyLedger key) throws InterruptedException {
        long seed = random.nextLong();
        byte[] first = SoakContent.bytes(seed, PART_SIZE);
        byte[] second = SoakContent.bytes(seed + 1, random.nextInt(MAX_SMALL_SIZE) + 1);
        String uploadId = null;
        try {
            Answer created = s3.createMultipartUpload(key.key());
            if (!created.ok()) {
                settle(Op.MULTIPART, created);
                return;
            }
            uploadId = SoakHttp.elementText(created, "UploadId");
            List<String> etags = new ArrayList<>();
            for (byte[] part : List.of(first, second)) {
                Answer uploaded = s3.uploadPart(key.key(), uploadId, etags.size() + 1, part);
                if (!uploaded.ok()) {
                    abort(key, uploadId);
                    settle(Op.MULTIPART, uploaded);
                    return;
                }
                etags.add(uploaded.etag());
            }
            String md5 = SoakContent.md5Hex(concat(first, second));
            Answer completed;
            try {
                completed = s3.completeMultipartUpload(key.key(), uploadId, etags);
            } catch (IOException e) {
                key.maybe(Optional.of(new SoakContent(seed, first.length + second.length, md5, null)));
                throw e;
            }
            if (completed.ok()) {
                key.written(new SoakContent(seed, first.length + second.length, md5,
                        SoakHttp.elementText(completed, "ETag").replace("\"", "")));
            } else {
                if (completed.status() == 503) {
                    key.maybe(Optional.of(new SoakContent(seed, first.length + second.length, md5, null)));
                }
                abort(key, uploadId);
            }
            settle(Op.MULTIPART, completed);
        } catch (IOException e) {
            tally.brokenDetail(Op.MULTIPART, e.toString());
            broken(Op.MULTIPART);
        }
    }

    /** An upload that stops partway: it must leave the key as it was, which the next GET checks. */
    private void abandonedPut(KeyLedger key) throws InterruptedException {
        byte[] body = SoakContent.bytes(random.nextLong(), random.nextInt(MAX_SMALL_SIZE) + 2);
        try {
            int sent = random.nextInt(body.length - 1) + 1;
            if (random.nextBoolean()) {
                abandoned.put(s3.bucket(), key.key(), body, sent, random.nextBoolean());
            } else {
                abandoned.putBrokenChunks(s3.bucket(), key.key(), body, sent, random.nextBoolean());
            }
            tally.count(Op.ABANDONED_PUT, Outcome.OK);
        } catch (IOException e) {
            broken(Op.ABANDONED_PUT);
        }
    }

    private void abandonedGet(KeyLedger key) throws InterruptedException {
        try {
            abandoned.get(s3.bucket(), key.key(), random.nextBoolean());
            tally.count(Op.ABANDONED_GET, Outcome.OK);
        } catch (IOException e) {
            broken(Op.ABANDONED_GET);
        }
    }

    private void abort(KeyLedger key, String uploadId) {
        try {
            s3.abortMultipartUpload(key.key(), uploadId);
        } catch (IOException | InterruptedException e) {
            // left for the final check, which aborts every upload still open
        }
    }

    private void settle(Op op, Answer answer) throws InterruptedException {
        if (answer.ok()) {
            tally.count(op, Outcome.OK);
            lastOkNanos.set(System.nanoTime());
        } else if (answer.status() == 503) {
            tally.count(op, Outcome.UNAVAILABLE);
            Thread.sleep(100 + random.nextInt(200));
        } else {
            tally.failed(op, "client " + number + " got " + answer.status() + " " + firstLine(answer.text()));
            Thread.sleep(50);
        }
    }

    private void broken(Op op) throws InterruptedException {
        tally.count(op, Outcome.BROKEN);
        Thread.sleep(100 + random.nextInt(200));
    }

    private static String firstLine(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) : flat;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(first.length + second.length);
        joined.writeBytes(first);
        joined.writeBytes(second);
        return joined.toByteArray();
    }
}
