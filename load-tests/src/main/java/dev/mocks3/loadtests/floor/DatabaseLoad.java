package dev.mocks3.loadtests.floor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A load of statements on {@link FloorTable}: counts what completed, and names the backends that served it. */
abstract class DatabaseLoad implements FloorLoad {
    protected final FloorTable table;
    protected final LongAdder completed = new LongAdder();

    protected DatabaseLoad(FloorTable table) {
        this.table = table;
    }

    @Override
    public long round(Duration length) throws InterruptedException {
        long before = completed.sum();
        Thread.sleep(length.toMillis());
        return completed.sum() - before;
    }

    @Override
    public List<Long> backendPids() throws Exception {
        return table.backendPids();
    }
}
