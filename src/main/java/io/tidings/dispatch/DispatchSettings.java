package io.tidings.dispatch;

import java.time.Duration;

/**
 * How workers behave; every value comes from {@code tidings.dispatch.*} (see {@link DispatchConfig}).
 *
 * @param lease        how long a claimed batch belongs to its worker before another node may take it over
 * @param sendTimeout  how long a worker waits for a channel before abandoning the batch to the lease
 * @param shutdownGrace how long stopping waits for in-flight batches before interrupting them
 */
record DispatchSettings(Duration lease, Duration pollInterval, int batchSize, Duration sendTimeout,
                        int maxAttempts, Duration retryBase, Duration retryCap, Duration shutdownGrace) {

    DispatchSettings {
        if (lease.toMillis() < 100 || batchSize < 1 || maxAttempts < 1 || pollInterval.isNegative()) {
            throw new IllegalArgumentException("tidings.dispatch: lease >= 100ms, batch-size >= 1 and max-attempts >= 1 are required");
        }
    }

    DispatchSettings withLease(Duration lease) {
        return new DispatchSettings(lease, pollInterval, batchSize, sendTimeout, maxAttempts, retryBase, retryCap, shutdownGrace);
    }

    DispatchSettings withBatchSize(int batchSize) {
        return new DispatchSettings(lease, pollInterval, batchSize, sendTimeout, maxAttempts, retryBase, retryCap, shutdownGrace);
    }

    DispatchSettings withSendTimeout(Duration sendTimeout) {
        return new DispatchSettings(lease, pollInterval, batchSize, sendTimeout, maxAttempts, retryBase, retryCap, shutdownGrace);
    }

    DispatchSettings withPollInterval(Duration pollInterval) {
        return new DispatchSettings(lease, pollInterval, batchSize, sendTimeout, maxAttempts, retryBase, retryCap, shutdownGrace);
    }

    DispatchSettings withRetry(Duration base, Duration cap) {
        return new DispatchSettings(lease, pollInterval, batchSize, sendTimeout, maxAttempts, base, cap, shutdownGrace);
    }
}
