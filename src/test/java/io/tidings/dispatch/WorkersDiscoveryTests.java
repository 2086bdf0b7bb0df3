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
}
