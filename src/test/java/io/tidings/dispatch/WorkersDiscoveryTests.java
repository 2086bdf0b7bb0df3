package io.tidings.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkersDiscoveryTests extends DispatchTestSupport {

    @Autowired
    DispatchWorkers workers;

    @Test
    void aChannelBeanIsFoundAndServedByThisNodesWorkersWithoutHelp() {
        assertThat(workers.isRunning()).isTrue();
        String run = unique("auto");
        List<Long> ids = api.enqueueAll(List.of(
                OutgoingMessage.of(AUTO_CHANNEL, "+1", "{}", run + "/1"),
                OutgoingMessage.of(AUTO_CHANNEL, "+2", "{}", run + "/2")));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!ids.stream().allMatch(id -> api.find(id).orElseThrow().state() == MessageState.SENT)) {
            assertThat(System.nanoTime()).as("sent within 10 s").isLessThan(deadline);
            sleep(Duration.ofMillis(20));
        }
        assertThat(api.history(ids.getFirst())).extracting(DispatchEvent::detail).contains("attempt 1 by dispatch-test-node");
    }

    @Test
    void stoppingLetsTheBatchInFlightFinishAndThenClaimsNoMore() throws Exception {
        String channel = unique("graceful");
        List<Long> ids = enqueue(channel, 30);
        TestChannel slow = new TestChannel(channel, "p").takes(Duration.ofMillis(300));
        DispatchWorkers own = new DispatchWorkers(List.of(slow), store, fast().withBatchSize(10),
                new DispatchConfig.NodeId("node-graceful"));

        own.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (slow.batches() == 0) {
            assertThat(System.nanoTime()).as("a batch started").isLessThan(deadline);
            sleep(Duration.ofMillis(5));
        }
        own.stop();

        assertThat(own.isRunning()).isFalse();
        assertThat(slow.batches()).isEqualTo(1);
        assertThat(countIn(channel, MessageState.SENT)).as("the batch in flight was written back").isEqualTo(10);
        assertThat(countIn(channel, MessageState.SENDING)).isZero();
        assertThat(countIn(channel, MessageState.QUEUED)).isEqualTo(20);
        assertThat(ids).hasSize(30);
    }
}
