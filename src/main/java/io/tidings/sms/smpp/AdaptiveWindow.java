package io.tidings.sms.smpp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The window of outstanding submit_sm, sized AIMD style: each answered submit widens it by 1/limit (about one slot
 * per window's worth of answers), each throttle answer (ESME_RTHROTTLED, ESME_RMSGQFUL) halves it, at most once per
 * {@code calmNanos} so that a burst of throttles from one full window counts as one signal. It never exceeds the
 * configured size nor shrinks below one.
 */
final class AdaptiveWindow {

    private final int max;
    private final long calmNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition free = lock.newCondition();
    private double limit;
    private int inFlight;
    private long lastDecrease = System.nanoTime() - Long.MAX_VALUE / 2;

    AdaptiveWindow(int max, long calmNanos) {
        if (max < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + max);
        }
        this.max = max;
        this.calmNanos = calmNanos;
        this.limit = max;
    }

    /** Waits for a slot; false when none freed within the timeout. */
    boolean acquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (inFlight >= (int) limit) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = free.awaitNanos(nanos);
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the slot; {@code throttled} tells whether the SMSC asked to slow down. */
    void release(boolean throttled) {
        lock.lock();
        try {
            inFlight--;
            int before = (int) limit;
            if (throttled) {
                long now = System.nanoTime();
                if (now - lastDecrease >= calmNanos) {
                    limit = Math.max(1, limit / 2);
                    lastDecrease = now;
                }
            } else if (limit < max) {
                limit = Math.min(max, limit + 1 / limit);
            }
            int slots = Math.min((int) limit - before, 8) + 1; // the freed slot, plus any the increase opened
            for (int i = 0; i < slots; i++) {
                free.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
