package io.tidings.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RetryTests extends DispatchTestSupport {

    @Test
    void retriesBackOffExponentiallyAndTheMessageFailsAfterMaxAttempts() {
        String channel = unique("retry");
        long id = api.enqueue(OutgoingMessage.of(channel, "+1", "{}", channel + "/1").withMaxAttempts(4));
        TestChannel flaky = new TestChannel(channel, "p").failsRetryably("gateway timeout");
        DispatchSettings s = fast().withRetry(Duration.ofMillis(100), Duration.ofMillis(400));

        try (ChannelWorker w = worker(flaky, "node-r", s)) {
            runUntil(w, () -> api.find(id).orElseThrow().state() == MessageState.FAILED, Duration.ofSeconds(10));
        }

        List<TestChannel.Call> calls = flaky.calls();
        assertThat(calls).extracting(TestChannel.Call::attempt).containsExactly(1, 2, 3, 4);
        // Attempt n waits at least half of min(cap, base·2^(n-1)): 50, 100, then 200 ms (capped at 400).
        long[] least = {50, 100, 200};
        for (int i = 0; i < 3; i++) {
            Duration gap = Duration.between(calls.get(i).at(), calls.get(i + 1).at());
            assertThat(gap).as("wait after attempt " + (i + 1)).isGreaterThanOrEqualTo(Duration.ofMillis(least[i]));
        }
        DispatchedMessage m = api.find(id).orElseThrow();
        assertThat(m.attempts()).isEqualTo(4);
        assertThat(m.lastError()).isEqualTo("gave up after 4 attempts: gateway timeout");
        assertThat(api.history(id)).extracting(DispatchEvent::state).containsExactly(
                MessageState.QUEUED, MessageState.SENDING, MessageState.QUEUED, MessageState.SENDING,
                MessageState.QUEUED, MessageState.SENDING, MessageState.QUEUED, MessageState.SENDING, MessageState.FAILED);
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        String channel = unique("permanent");
        long id = enqueue(channel, 1).getFirst();
        TestChannel refusing = new TestChannel(channel, "p").failsPermanently("number is not mobile");

        try (ChannelWorker w = worker(refusing, "node-p", fast())) {
            ChannelWorker.Round r = w.pollOnce();
            assertThat(r.failed()).isEqualTo(1);
            assertThat(w.pollOnce().claimed()).isZero();
        }
        DispatchedMessage m = api.find(id).orElseThrow();
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(m.lastError()).isEqualTo("number is not mobile");
        assertThat(refusing.calls()).hasSize(1);
    }

    @Test
    void aProvidersRetryAfterDecidesWhenTheMessageIsTriedAgain() {
        String channel = unique("retry-after");
        long id = enqueue(channel, 1).getFirst();
        TestChannel throttled = new TestChannel(channel, "p").throttles(Duration.ofSeconds(30));

        try (ChannelWorker w = worker(throttled, "node-t", fast())) {
            assertThat(w.pollOnce().retried()).isEqualTo(1);
            assertThat(w.pollOnce().claimed()).isZero();
        }
        DispatchedMessage m = api.find(id).orElseThrow();
        assertThat(m.state()).isEqualTo(MessageState.QUEUED);
        assertThat(m.nextAttemptAt()).isCloseTo(Instant.now().plusSeconds(30), within(Duration.ofSeconds(3)));
        assertThat(api.history(id).getLast().detail()).isEqualTo("attempt 1 failed: throttled by provider; next try in 30.000 s");
    }

    @Test
    void aChannelThatThrowsOrForgetsAMessageGetsItRetried() {
        String channel = unique("throws");
        List<Long> ids = enqueue(channel, 3);
        TestChannel broken = new TestChannel(channel, "p").throwsOnSend(new IllegalStateException("socket closed"));

        try (ChannelWorker w = worker(broken, "node-x", fast())) {
            assertThat(w.pollOnce().retried()).isEqualTo(3);
            assertThat(api.find(ids.getFirst()).orElseThrow().lastError()).contains("socket closed");

            broken.sendsOk().answers(m -> m.id() == ids.getFirst() ? null : SendResult.sent(m, "ok-" + m.id()));
            runUntil(w, () -> api.find(ids.get(1)).orElseThrow().state() == MessageState.SENT, Duration.ofSeconds(5));
        }
        DispatchedMessage forgotten = api.find(ids.getFirst()).orElseThrow();
        assertThat(forgotten.state()).isEqualTo(MessageState.QUEUED);
        assertThat(forgotten.lastError()).isEqualTo("the channel returned no result for this message");
    }

    @Test
    void backoffDoublesWithJitterAndStopsAtTheCap() {
        Backoff lowest = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), fixed(0.0));
        Backoff highest = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), fixed(0.999999));

        assertThat(lowest.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(highest.after(1)).isCloseTo(Duration.ofSeconds(10), Duration.ofMillis(1));
        assertThat(lowest.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(highest.after(3)).isCloseTo(Duration.ofSeconds(40), Duration.ofMillis(1));
        assertThat(highest.after(20)).isCloseTo(Duration.ofMinutes(5), Duration.ofMillis(1));
        assertThat(lowest.after(20)).isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
        assertThat(lowest.after(2, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
