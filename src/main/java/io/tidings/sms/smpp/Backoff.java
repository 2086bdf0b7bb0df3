package io.tidings.sms.smpp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between bind attempts: initial, doubling up to max, with up to 20% random spread so that
 * several Tidings nodes do not knock on a recovering SMSC in step. Reset after a successful bind.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long currentMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.currentMillis = initialMillis;
    }

    synchronized Duration next() {
        long base = currentMillis;
        currentMillis = Math.min(maxMillis, currentMillis * 2);
        long spread = base / 5;
        long jitter = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1);
        return Duration.ofMillis(Math.min(maxMillis, Math.max(1, base + jitter)));
    }

    synchronized void reset() {
        currentMillis = initialMillis;
    }
}
