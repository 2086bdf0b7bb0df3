package io.tidings.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A channel for tests: records every message it sends, and can be told to fail (retryably or for
 * good), throttle with a Retry-After, throw, or hang until released. Thread-safe, so several workers
 * may share one instance.
 */
public class TestChannel implements Channel {

    /** One message handed to this channel; {@code result} is what the channel answered. */
    public record Call(long messageId, String idempotencyKey, int attempt, Instant at, SendResult result) {
    }

    private final String name;
    private final String providerPrefix;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger batches = new AtomicInteger();
    private volatile Function<QueuedMessage, SendResult> behaviour;
    private volatile RuntimeException toThrow;
    private volatile Duration delay = Duration.ZERO;
    private volatile CountDownLatch hang;
    private final CountDownLatch hanging = new CountDownLatch(1);

    public TestChannel(String name, String providerPrefix) {
        this.name = name;
        this.providerPrefix = providerPrefix;
        sendsOk();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SendResult> send(List<QueuedMessage> batch) {
        batches.incrementAndGet();
        CountDownLatch h = hang;
        if (h != null) {
            hanging.countDown();
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hanging", e);
            }
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        RuntimeException e = toThrow;
        if (e != null) {
            throw e;
        }
        List<SendResult> results = new ArrayList<>();
        for (QueuedMessage m : batch) {
            SendResult r = behaviour.apply(m);
            calls.add(new Call(m.id(), m.idempotencyKey(), m.attempt(), Instant.now(), r));
            results.add(r);
        }
        return results;
    }

    public TestChannel sendsOk() {
        behaviour = m -> SendResult.sent(m, providerPrefix + "-" + m.id() + "-" + m.attempt());
        toThrow = null;
        return this;
    }

    public TestChannel failsRetryably(String reason) {
        behaviour = m -> SendResult.retry(m, reason);
        return this;
    }

    public TestChannel throttles(Duration retryAfter) {
        behaviour = m -> SendResult.retryAfter(m, "throttled by provider", retryAfter);
        return this;
    }

    public TestChannel failsPermanently(String reason) {
        behaviour = m -> SendResult.failed(m, reason);
        return this;
    }

    public TestChannel answers(Function<QueuedMessage, SendResult> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    public TestChannel throwsOnSend(RuntimeException e) {
        toThrow = e;
        return this;
    }

    /** Each batch takes this long, as a real provider call would. */
    public TestChannel takes(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Every send blocks until {@link #release()}; then it sends as told. */
    public TestChannel hangs() {
        hang = new CountDownLatch(1);
        return this;
    }

    public void release() {
        CountDownLatch h = hang;
        hang = null;
        if (h != null) {
            h.countDown();
        }
    }

    public boolean awaitHanging(Duration timeout) throws InterruptedException {
        return hanging.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** How many times each idempotency key was sent successfully. */
    public Map<String, Long> sentPerKey() {
        return calls().stream().filter(c -> c.result() instanceof SendResult.Sent)
                .collect(Collectors.groupingBy(Call::idempotencyKey, Collectors.counting()));
    }

    public int batches() {
        return batches.get();
    }
}
