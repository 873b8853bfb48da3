package dev.mocks3.loadtests.floor;

import java.time.Duration;
import java.util.List;

/** One mode's load: runs a round and says how many requests completed in it. */
interface FloorLoad extends AutoCloseable {

    long round(Duration length) throws Exception;

    /** The PostgreSQL backends serving this load's connections (none for the HTTP modes). */
    default List<Long> backendPids() throws Exception {
        return List.of();
    }

    @Override
    void close() throws Exception;
}
