package dev.mocks3.loadtests;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * N client threads running the same loop (answers how long they took, all of them together), and
 * the random bodies they send.
 */
final class ClientThreads {

    private ClientThreads() {
    }

    /** Runs {@code loop} once per client (given the client's number) and waits for every one. */
    static long run(int concurrency, String name, IntConsumer loop) throws InterruptedException {
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            Thread thread = new Thread(() -> loop.accept(client), name + "-" + c);
            thread.setDaemon(true);
            clients.add(thread);
        }
        clients.forEach(Thread::start);
        for (Thread thread : clients) {
            thread.join();
        }
        return System.nanoTime() - start;
    }

    /** Fills the array with random bytes. */
    static void randomise(byte[] bytes, SplittableRandom random) {
        for (int b = 0; b < bytes.length; b += 8) {
            long value = random.nextLong();
            for (int k = 0; k < 8 && b + k < bytes.length; k++) {
                bytes[b + k] = (byte) (value >>> (8 * k));
            }
        }
    }
}
