package io.tidings.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel that records "sent" itself while its batch is out (DispatchApi.markSent), and channels with several loops. */
class EarlySentTests extends DispatchTestSupport {

    private static final String NODE = "dispatch-test-node"; // the node id of this context's DispatchApi

    @Test
    void aMessageTheChannelMarkedSentTakesItsReportAtOnceAndTheWorkersWriteBackCountsAsDone() {
        String channel = unique("early");
        long id = enqueue(channel, 1).getFirst();
        QueuedMessage q = store.claim(channel, NODE, Duration.ofSeconds(30), 1).getFirst();

        assertThat(api.markSent(List.of(q), List.of("early-1"))).isEqualTo(1);
        assertThat(api.markReported(channel, new String[]{"early-1"}, new boolean[]{true}, new String[]{"DELIVRD"}))
                .containsExactly("early-1");
        int written = store.markSent(NODE, new long[]{id}, new int[]{q.attempt()}, new String[]{"early-1"});

        assertThat(written).as("the worker's own result for the same attempt counts as written, not as dropped").isEqualTo(1);
        assertThat(api.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        assertThat(api.history(id)).extracting(DispatchEvent::state)
                .containsExactly(MessageState.QUEUED, MessageState.SENDING, MessageState.SENT, MessageState.DELIVERED);
    }

    @Test
    void aChannelCannotMarkSentAnAttemptWhoseLeasePassedToAnotherWorker() {
        String channel = unique("early-fence");
        long id = enqueue(channel, 1).getFirst();
        QueuedMessage first = store.claim(channel, NODE, Duration.ofMillis(100), 1).getFirst();
        sleep(Duration.ofMillis(150));
        QueuedMessage second = store.claim(channel, "node-other", Duration.ofSeconds(30), 1).getFirst();

        assertThat(api.markSent(List.of(first), List.of("late"))).isZero();
        assertThat(store.markSent(NODE, new long[]{id}, new int[]{first.attempt()}, new String[]{"late"})).isZero();

        assertThat(api.find(id).orElseThrow().state()).isEqualTo(MessageState.SENDING);
        assertThat(api.find(id).orElseThrow().leaseOwner()).isEqualTo("node-other");
        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
    }

    @Test
    void aChannelThatAsksForTwoLoopsHasTwoBatchesOutAtOnce() throws Exception {
        String channel = unique("two-loops");
        List<Long> ids = enqueue(channel, 40);
        AtomicInteger out = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Channel slow = new Channel() {
            @Override
            public String name() {
                return channel;
            }

            @Override
            public List<SendResult> send(List<QueuedMessage> batch) {
                most.accumulateAndGet(out.incrementAndGet(), Math::max);
                sleep(Duration.ofMillis(150));
                out.decrementAndGet();
                return batch.stream().map(m -> SendResult.sent(m, "p-" + m.id())).toList();
            }

            @Override
            public int loops() {
                return 2;
            }
        };
        DispatchWorkers own = new DispatchWorkers(List.of(slow), store, fast().withBatchSize(10),
                new DispatchConfig.NodeId("node-two-loops"));
        own.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (countIn(channel, MessageState.SENT) < ids.size()) {
                assertThat(System.nanoTime()).as("all sent within 15 s").isLessThan(deadline);
                sleep(Duration.ofMillis(20));
            }
        } finally {
            own.stop();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(ids).allSatisfy(id -> assertThat(api.history(id)).extracting(DispatchEvent::state)
                .containsOnlyOnce(MessageState.SENT));
    }
}
