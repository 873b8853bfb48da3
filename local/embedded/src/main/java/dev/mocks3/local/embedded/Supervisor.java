package dev.mocks3.local.embedded;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts an embedded server whose process died (killed, crashed, OOM), on the same port and data, so
 * MockS3 recovers without being restarted itself.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final List<EmbeddedService> services;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "embedded-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    private Supervisor(List<EmbeddedService> services) {
        this.services = List.copyOf(services);
    }

    /** Checks the services every {@code periodMillis} from now on. */
    public static Supervisor watch(List<EmbeddedService> services, long periodMillis) {
        Supervisor supervisor = new Supervisor(services);
        supervisor.checks.scheduleWithFixedDelay(supervisor::reviveTheDead, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return supervisor;
    }

    private void reviveTheDead() {
        for (EmbeddedService service : services) {
            if (service.died()) {
                log.warn("{} died; starting it again", service);
                try {
                    service.restart();
                } catch (RuntimeException e) {
                    log.error("Could not restart {}; trying again shortly", service, e);
                }
            }
        }
    }

    /** Stops checking, so that the services can be stopped without being brought back. */
    @Override
    public void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
