package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AdaptiveWindowTest {

    @Test
    void noMoreThanTheWindowIsOutstanding() throws InterruptedException {
        AdaptiveWindow window = new AdaptiveWindow(2, 0);
        assertThat(window.acquire(10, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(window.acquire(10, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(window.acquire(10, TimeUnit.MILLISECONDS)).isFalse();
        window.release(false);
        assertThat(window.acquire(10, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void aThrottleHalvesTheWindowAndAnswersGrowItBackOneSlotPerWindow() throws InterruptedException {
        AdaptiveWindow window = new AdaptiveWindow(16, 0);
        window.acquire(1, TimeUnit.MILLISECONDS);
        window.release(true);
        assertThat(window.limit()).isEqualTo(8);

        for (int i = 0; i < 9; i++) { // about one window's worth of answers
            window.acquire(1, TimeUnit.MILLISECONDS);
            window.release(false);
        }
        assertThat(window.limit()).isEqualTo(9);
        for (int i = 0; i < 500; i++) {
            window.acquire(1, TimeUnit.MILLISECONDS);
            window.release(false);
        }
        assertThat(window.limit()).isEqualTo(16);
    }

    @Test
    void aBurstOfThrottlesFromOneWindowHalvesOnlyOnceAndNeverBelowOne() throws InterruptedException {
        AdaptiveWindow calm = new AdaptiveWindow(64, TimeUnit.SECONDS.toNanos(10));
        for (int i = 0; i < 5; i++) {
            calm.acquire(1, TimeUnit.MILLISECONDS);
            calm.release(true);
        }
        assertThat(calm.limit()).isEqualTo(32);

        AdaptiveWindow eager = new AdaptiveWindow(4, 0);
        for (int i = 0; i < 10; i++) {
            eager.acquire(1, TimeUnit.MILLISECONDS);
            eager.release(true);
        }
        assertThat(eager.limit()).isEqualTo(1);
        assertThat(eager.inFlight()).isZero();
    }
}
