package io.tidings.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests extends DispatchTestSupport {

    @Test
    void theRateLimitHoldsAcrossTwoWorkersOnDifferentNodes() throws Exception {
        String channel = unique("rate");
        int rate = 50, burst = 10, count = 200;
        api.limitRate(channel, rate, burst);
        enqueue(channel, count);
        TestChannel sms = new TestChannel(channel, "p");
        DispatchSettings s = fast().withBatchSize(100);

        Instant start = Instant.now();
        try (ChannelWorker a = worker(sms, "node-a", s); ChannelWorker b = worker(sms, "node-b", s);
             var pool = Executors.newFixedThreadPool(2)) {
            Future<?> fa = pool.submit(() -> runUntil(a, () -> countIn(channel, MessageState.SENT) == count, Duration.ofSeconds(20)));
            Future<?> fb = pool.submit(() -> runUntil(b, () -> countIn(channel, MessageState.SENT) == count, Duration.ofSeconds(20)));
            fa.get();
            fb.get();
        }
        Duration elapsed = Duration.between(start, Instant.now());

        // The first 10 go at once (the burst), the other 190 at 50/s: at least 3.8 s.
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(3500));
        assertThat(sms.sentPerKey()).hasSize(count).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        List<Instant> times = sms.calls().stream().map(TestChannel.Call::at).sorted().toList();
        assertThat(busiestSecond(times)).isLessThanOrEqualTo(rate + burst);
    }

    @Test
    void anIdleWorkerGivesItsTokensBack() {
        String channel = unique("rate-idle");
        api.limitRate(channel, 20, 20);
        try (ChannelWorker w = worker(new TestChannel(channel, "p"), "node-i", fast())) {
            assertThat(w.pollOnce().claimed()).isZero();
        }
        double tokens = jdbc.sql("select tokens from dispatch_rate_buckets where channel = :c").param("c", channel)
                .query(Double.class).single();
        assertThat(tokens).isEqualTo(20.0);
        api.removeRateLimit(channel);
        assertThat(store.takeTokens(channel, 5)).isEmpty();
    }

    /** The most sends that fall in any one-second window starting at a send. */
    private static int busiestSecond(List<Instant> times) {
        int most = 0;
        int end = 0;
        for (int i = 0; i < times.size(); i++) {
            Instant limit = times.get(i).plusSeconds(1);
            while (end < times.size() && times.get(end).isBefore(limit)) {
                end++;
            }
            most = Math.max(most, end - i);
        }
        return most;
    }
}
