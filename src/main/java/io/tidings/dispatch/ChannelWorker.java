package io.tidings.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One node's worker for one channel. A round takes rate tokens, claims a batch under a lease, hands
 * it to the channel and writes each result back, fenced by the lease so a late result is dropped.
 */
final class ChannelWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelWorker.class);

    private final Channel channel;
    private final DispatchStore store;
    private final DispatchSettings settings;
    private final String node;
    private final Backoff backoff;
    private final RateGate rate;
    // The channel runs on its own virtual thread so a hung provider call can be abandoned.
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    ChannelWorker(Channel channel, DispatchStore store, DispatchSettings settings, String node, Backoff backoff) {
        this.channel = channel;
        this.store = store;
        this.settings = settings;
        this.node = node;
        this.backoff = backoff;
        this.rate = new RateGate(store);
    }

    /**
     * @param rejected results dropped because the lease had passed to another worker
     * @param abandoned the channel did not answer in time (or the worker was interrupted); the lease will free it
     * @param pause how long the loop should wait before the next round
     */
    record Round(int claimed, int sent, int retried, int failed, int rejected, boolean abandoned, Duration pause) {
        static Round waiting(Duration pause) {
            return new Round(0, 0, 0, 0, 0, false, pause);
        }
    }

    String channelName() {
        return channel.name();
    }

    Round pollOnce() {
        String name = channel.name();
        store.failExhaustedLeases(name);
        RateGate.Permit permit = rate.acquire(name, settings.batchSize(), settings.pollInterval());
        if (permit.count() == 0) {
            return Round.waiting(permit.retryIn());
        }
        List<QueuedMessage> batch = store.claim(name, node, settings.lease(), permit.count());
        rate.release(name, permit, batch.size());
        if (batch.isEmpty()) {
            return Round.waiting(settings.pollInterval());
        }
        // A full batch suggests more is waiting; a short one means the queue is drained for now.
        Duration pause = batch.size() < permit.count() ? settings.pollInterval() : Duration.ZERO;
        List<SendResult> results = send(batch);
        if (results == null) {
            return new Round(batch.size(), 0, 0, 0, 0, true, pause);
        }
        return writeBack(batch, results, pause);
    }

    private List<SendResult> send(List<QueuedMessage> batch) {
        Future<List<SendResult>> call = sender.submit(() -> channel.send(List.copyOf(batch)));
        try {
            List<SendResult> results = call.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return results == null ? List.of() : results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("channel {} failed a batch of {}; it will be retried", channel.name(), batch.size(), cause);
            String reason = "channel error: " + cause;
            return batch.stream().map(m -> SendResult.retry(m, reason)).toList();
        } catch (TimeoutException e) {
            call.cancel(true);
            log.warn("channel {} did not answer within {}; {} messages go back to the queue when their lease ends",
                    channel.name(), settings.sendTimeout(), batch.size());
            return null;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Round writeBack(List<QueuedMessage> batch, List<SendResult> results, Duration pause) {
        Map<Long, SendResult> byId = new HashMap<>();
        for (SendResult r : results) {
            if (r != null) {
                byId.putIfAbsent(r.messageId(), r);
            }
        }
        Column sent = new Column(), retried = new Column(), failed = new Column();
        for (QueuedMessage m : batch) {
            SendResult r = byId.getOrDefault(m.id(),
                    new SendResult.Retry(m.id(), "the channel returned no result for this message", null));
            switch (r) {
                case SendResult.Sent s -> sent.add(m, s.providerMessageId(), 0);
                case SendResult.Failed f -> failed.add(m, reason(f.reason()), 0);
                case SendResult.Retry t when m.attempt() >= m.maxAttempts() ->
                        failed.add(m, "gave up after " + m.attempt() + " attempts: " + reason(t.reason()), 0);
                case SendResult.Retry t -> retried.add(m, reason(t.reason()),
                        backoff.after(m.attempt(), t.retryAfter()).toNanos() / 1e9);
            }
        }
        int accepted = 0;
        if (!sent.isEmpty()) {
            accepted += store.markSent(node, sent.ids(), sent.attempts(), sent.texts());
        }
        if (!retried.isEmpty()) {
            accepted += store.retryLater(node, retried.ids(), retried.attempts(), retried.delays(), retried.texts());
        }
        if (!failed.isEmpty()) {
            accepted += store.markFailed(node, failed.ids(), failed.attempts(), failed.texts());
        }
        int rejected = batch.size() - accepted;
        if (rejected > 0) {
            log.info("channel {}: {} results dropped because their lease passed to another worker", channel.name(), rejected);
        }
        return new Round(batch.size(), sent.size(), retried.size(), failed.size(), rejected, false, pause);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    /** Parallel arrays for one set-based write-back statement (unnest). */
    private static final class Column {
        private final List<QueuedMessage> messages = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<Double> delays = new ArrayList<>();

        void add(QueuedMessage m, String text, double delaySeconds) {
            messages.add(m);
            texts.add(text);
            delays.add(delaySeconds);
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        int size() {
            return messages.size();
        }

        long[] ids() {
            return messages.stream().mapToLong(QueuedMessage::id).toArray();
        }

        int[] attempts() {
            return messages.stream().mapToInt(QueuedMessage::attempt).toArray();
        }

        String[] texts() {
            return texts.toArray(String[]::new);
        }

        double[] delays() {
            return delays.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
