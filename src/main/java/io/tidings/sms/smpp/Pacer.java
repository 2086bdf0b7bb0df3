package io.tidings.sms.smpp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The throughput cap agreed with the SMSC (submit_sm per second). Each caller books the next free slot, spaced
 * 1/rate apart, and sleeps until it; no slot is saved up while idle, so a quiet minute does not turn into a burst
 * the SMSC would throttle. A rate of 0 means no cap.
 */
final class Pacer {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());

    Pacer(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    }

    void await() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        long slot;
        while (true) {
            long booked = next.get();
            slot = Math.max(booked, now);
            if (next.compareAndSet(booked, slot + intervalNanos)) {
                break;
            }
        }
        long wait = slot - now;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = slot - System.nanoTime();
        }
    }
}
