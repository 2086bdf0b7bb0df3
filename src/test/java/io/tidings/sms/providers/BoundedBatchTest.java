package io.tidings.sms.providers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBatchTest {

    @Test
    void neverMoreThanTheBoundRunAtOnceAndResultsKeepInputOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 40).boxed().toList();

        List<Integer> results = BoundedBatch.map(items, 8, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5 + (i * 7) % 13);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i * 10;
        }, (i, e) -> -1);

        assertThat(results).containsExactlyElementsOf(items.stream().map(i -> i * 10).toList());
        assertThat(most.get()).isBetween(2, 8);
    }

    @Test
    void aCallThatThrowsGivesTheFailureResultForItsItemOnly() {
        List<String> results = BoundedBatch.map(List.of(1, 2, 3), 2, i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            return "ok" + i;
        }, (i, e) -> "failed" + i + ":" + e.getMessage());

        assertThat(results).containsExactly("ok1", "failed2:boom", "ok3");
    }
}
