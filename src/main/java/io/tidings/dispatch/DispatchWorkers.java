package io.tidings.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Channel#loops()} worker loops (usually one) per {@link Channel} bean on this node. One-shot CLI commands turn this off
 * with {@code tidings.workers.enabled=false} so they never pick up a server's work.
 */
@Component
@ConditionalOnProperty(name = "tidings.workers.enabled", havingValue = "true", matchIfMissing = true)
class DispatchWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);
    private static final Duration LONGEST_ERROR_PAUSE = Duration.ofSeconds(30);

    private final List<Channel> channels;
    private final DispatchStore store;
    private final DispatchSettings settings;
    private final String node;
    private final List<Thread> threads = new ArrayList<>();
    private final List<ChannelWorker> workers = new ArrayList<>();
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private final DataSource dataSource;
    private Wakeups wakeups;

    @Autowired
    DispatchWorkers(ObjectProvider<Channel> channels, DispatchStore store, DispatchSettings settings,
                    DispatchConfig.NodeId node, DataSource dataSource) {
        this(channels.orderedStream().toList(), store, settings, node, dataSource);
    }

    /** Without wake-ups: the loops poll only (tests that build their own workers). */
    DispatchWorkers(List<Channel> channels, DispatchStore store, DispatchSettings settings, DispatchConfig.NodeId node) {
        this(channels, store, settings, node, null);
    }

    /** @param dataSource where the wake-up listener takes its connection; null: the loops poll only */
    DispatchWorkers(List<Channel> channels, DispatchStore store, DispatchSettings settings,
                    DispatchConfig.NodeId node, DataSource dataSource) {
        this.dataSource = dataSource;
        this.channels = List.copyOf(channels);
        this.store = store;
        this.settings = settings;
        this.node = node.value();
        Set<String> names = new HashSet<>();
        for (Channel c : channels) {
            if (!names.add(c.name())) {
                throw new IllegalStateException("two Channel beans are named '" + c.name() + "'");
            }
        }
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopSignal = new CountDownLatch(1);
        wakeups = new Wakeups(dataSource);
        wakeups.start();
        for (Channel channel : channels) {
            int loops = Math.max(1, channel.loops());
            for (int i = 1; i <= loops; i++) {
                Backoff backoff = new Backoff(settings.retryBase(), settings.retryCap(), new Random());
                ChannelWorker worker = new ChannelWorker(channel, store, settings, node, backoff);
                workers.add(worker);
                String name = "dispatch-" + channel.name() + (loops > 1 ? "-" + i : "");
                Wakeups.Signal signal = wakeups.signal(channel.name());
                threads.add(Thread.ofVirtual().name(name).start(() -> loop(worker, signal)));
            }
        }
        log.info("dispatch workers started on node {} for channels {}", node, channels.stream().map(Channel::name).toList());
    }

    private void loop(ChannelWorker worker, Wakeups.Signal queued) {
        CountDownLatch stop = stopSignal;
        Duration errorPause = settings.pollInterval();
        while (stop.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
            // Read before polling, so that work queued while this poll runs wakes the pause after it.
            long seen = queued.generation();
            Duration pause;
            try {
                pause = worker.pollOnce().pause();
                errorPause = settings.pollInterval();
            } catch (RuntimeException e) {
                // Usually the database is away; keep trying, but less often the longer it lasts.
                log.warn("dispatch worker for {} failed; trying again in {}", worker.channelName(), errorPause, e);
                if (sleep(stop, errorPause)) {
                    return;
                }
                errorPause = min(errorPause.multipliedBy(2), LONGEST_ERROR_PAUSE);
                continue;
            }
            // An idle or rate-limited loop waits for its pause, or until work for its channel is queued.
            if (!pause.isZero() && (!queued.awaitAfter(seen, pause) || stop.getCount() == 0)) {
                return;
            }
        }
    }

    /** @return true when stopping */
    private static boolean sleep(CountDownLatch stop, Duration pause) {
        try {
            return stop.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops claiming at once, lets batches in flight finish within the grace period, then interrupts. */
    @Override
    public synchronized void stop() {
        stopSignal.countDown();
        if (wakeups != null) {
            wakeups.fireAll();
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (Thread t : threads) {
            try {
                if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    t.interrupt();
                    t.join(Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.forEach(ChannelWorker::close);
        if (wakeups != null) {
            wakeups.close();
        }
        threads.clear();
        workers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
