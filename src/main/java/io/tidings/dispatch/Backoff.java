package io.tidings.dispatch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * After failed attempt n the message waits about base·2^(n-1), never more than the cap. Half of that
 * wait is random, so messages that failed together (a provider outage) do not all retry together.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    Duration after(int attempt) {
        double ceiling = Math.min(cap.toMillis(), base.toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        double millis = ceiling / 2 + random.nextDouble() * ceiling / 2;
        return Duration.ofNanos((long) (millis * 1_000_000));
    }

    /** A provider's Retry-After wins over our guess: it knows when it will take traffic again. */
    Duration after(int attempt, Duration retryAfter) {
        return retryAfter != null && !retryAfter.isNegative() ? retryAfter : after(attempt);
    }
}
