package io.tidings.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers wake on PostgreSQL NOTIFY when work is queued, instead of waiting out their poll interval. */
class WakeupTests extends DispatchTestSupport {

    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    @Autowired
    DataSource dataSource;

    @Test
    void anIdleWorkerWithALongPollIntervalTakesNewWorkAsSoonAsItIsQueued() throws Exception {
        String channel = unique("wakeup");
        TestChannel ch = new TestChannel(channel, "p");
        DispatchWorkers own = new DispatchWorkers(List.of(ch), store, fast().withPollInterval(LONG_POLL),
                new DispatchConfig.NodeId("node-wakeup"), dataSource);
        own.start();
        try {
            sleep(Duration.ofMillis(1_500)); // the loop found nothing and waits out its 30 s pause
            long queuedAt = System.nanoTime();
            List<Long> ids = enqueue(channel, 3);

            long deadline = queuedAt + Duration.ofSeconds(5).toNanos();
            while (countIn(channel, MessageState.SENT) < ids.size()) {
                assertThat(System.nanoTime()).as("sent within 5 s of queueing, not after the 30 s poll").isLessThan(deadline);
                sleep(Duration.ofMillis(10));
            }
        } finally {
            own.stop();
        }
    }

    @Test
    void withoutTheListenerTheSameWorkerWaitsForItsPollInterval() throws Exception {
        String channel = unique("no-wakeup");
        TestChannel ch = new TestChannel(channel, "p");
        DispatchWorkers own = new DispatchWorkers(List.of(ch), store, fast().withPollInterval(LONG_POLL),
                new DispatchConfig.NodeId("node-no-wakeup"));
        own.start();
        try {
            sleep(Duration.ofMillis(500));
            enqueue(channel, 3);
            sleep(Duration.ofSeconds(2));
            assertThat(countIn(channel, MessageState.QUEUED)).as("still queued: only the poll would find it").isEqualTo(3);
        } finally {
            own.stop();
        }
    }
}
