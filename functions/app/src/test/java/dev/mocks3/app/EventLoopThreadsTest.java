package dev.mocks3.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class EventLoopThreadsTest {

    @Test
    void withoutASettingReactorNettyGetsOneLoopPerCore() {
        Properties system = new Properties();

        EventLoopThreads.onePerCore(system, 2);

        assertThat(system.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("2");
    }

    @Test
    void aCountGivenToTheJvmIsKept() {
        Properties system = new Properties();
        system.setProperty("reactor.netty.ioWorkerCount", "6");

        EventLoopThreads.onePerCore(system, 2);

        assertThat(system.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("6");
    }
}
