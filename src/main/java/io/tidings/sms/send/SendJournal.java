package io.tidings.sms.send;

import io.tidings.dispatch.QueuedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Group commit for what providers tell us. Accepted submits and delivery reports are handed to lanes, each of which
 * writes whatever gathered while it wrote the previous group in one transaction ({@link JournalWriter}) and only
 * then completes the callers' futures. So a channel returns its batch, and a deliver_sm is acknowledged to the
 * SMSC, only once what they said is committed: a crash loses nothing that was acknowledged.
 *
 * <p>Submit results and reports share a lane by default ({@code tidings.sms.journal-shared}, true;
 * {@code tidings.sms.journal-lanes}, 1, hashed by provider id), so a report that comes while its submit result is still
 * queued is written in the same group, its message as one row version. With {@code journal-shared=false} they have
 * lanes of their own. A report can still race its own submit result (the SMSC sends it right after the
 * submit_sm_resp, and the client reads them on different threads): while the submit result is queued or being
 * written, or for a short {@code tidings.sms.report-grace} (50 ms) after the report arrived, the lane keeps the report
 * and tries it again with its next group instead of parking it; a report for a message we do not know is parked after
 * that. The group that writes a submit result applies what was parked for it, and {@link PendingReports} the rest.
 *
 * <p>A caller already inside a transaction (a test holding locks, a webhook in a service method) is written at once
 * in that transaction, and so is everything after the journal stopped.
 */
@Component
class SendJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendJournal.class);
    /** The most one group writes; a bigger backlog is written by the next groups. */
    private static final int MAX_GROUP = 2_000;
    /** How often a lane that holds reports waiting for their submit result looks again when nothing else comes. */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** A provider took a message: what {@code sent} records. {@code queued} is null when no worker holds it (tests). */
    record Accept(long smsId, long providerId, String gateway, String providerMessageId, int segments,
                  QueuedMessage queued) {
    }

    private record Entry(Object item, CompletableFuture<Void> done, long arrived) {
    }

    private final JournalWriter writer;
    private final TransactionTemplate tx;
    private final long graceNanos;
    private final List<BlockingQueue<Entry>> acceptLanes = new ArrayList<>();
    private final List<BlockingQueue<Entry>> reportLanes = new ArrayList<>();
    /** gateway + provider id of the submit results handed in and not yet committed. */
    private final Set<String> acceptsInFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SendJournal(JournalWriter writer, PlatformTransactionManager transactions,
                @Value("${tidings.sms.journal-lanes:1}") int lanes,
                @Value("${tidings.sms.report-grace:50ms}") Duration grace,
                @Value("${tidings.sms.journal-shared:true}") boolean shared) {
        this.writer = writer;
        this.tx = new TransactionTemplate(transactions);
        this.graceNanos = grace.toNanos();
        for (int i = 0; i < Math.max(1, lanes); i++) {
            BlockingQueue<Entry> accepts = new LinkedBlockingQueue<>();
            acceptLanes.add(accepts);
            reportLanes.add(shared ? accepts : new LinkedBlockingQueue<>());
        }
    }

    /** Waits for a write; its failure is thrown as it was. */
    static void await(CompletableFuture<Void> written) {
        try {
            written.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    CompletableFuture<Void> accepted(Accept a) {
        if (inline()) {
            return inline(List.of(a), List.of());
        }
        String key = key(a.gateway(), a.providerMessageId());
        acceptsInFlight.add(key);
        CompletableFuture<Void> done = enqueue(acceptLanes, a.providerMessageId(), a);
        done.whenComplete((v, e) -> acceptsInFlight.remove(key));
        return done;
    }

    CompletableFuture<Void> reported(ReportStore.Pending p) {
        if (inline()) {
            return inline(List.of(), List.of(p));
        }
        return enqueue(reportLanes, p.providerMessageId(), p);
    }

    private static String key(String gateway, String providerMessageId) {
        return gateway + "\n" + providerMessageId;
    }

    private boolean inline() {
        return !running || TransactionSynchronizationManager.isActualTransactionActive();
    }

    private CompletableFuture<Void> inline(List<Accept> accepts, List<ReportStore.Pending> reports) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            tx.executeWithoutResult(s -> writer.write(accepts, reports, p -> false));
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private CompletableFuture<Void> enqueue(List<BlockingQueue<Entry>> lanes, String providerMessageId, Object item) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lanes.get(Math.floorMod(providerMessageId.hashCode(), lanes.size())).add(new Entry(item, done, System.nanoTime()));
        if (!running) { // stopped meanwhile: nobody will take it
            failAll(new IllegalStateException("the SMS journal is stopped"));
        }
        return done;
    }

    private void work(BlockingQueue<Entry> lane) {
        List<Entry> group = new ArrayList<>();
        List<Entry> waiting = new ArrayList<>();
        while (running || !lane.isEmpty() || !waiting.isEmpty()) {
            try {
                Entry first = lane.poll(waiting.isEmpty() ? 100_000_000L : RETRY_NANOS, TimeUnit.NANOSECONDS);
                if (first != null) {
                    group.add(first);
                }
            } catch (InterruptedException e) {
                break;
            }
            lane.drainTo(group, MAX_GROUP);
            group.addAll(waiting);
            waiting.clear();
            if (!group.isEmpty()) {
                write(group, waiting);
                group.clear();
            }
        }
        waiting.forEach(e -> e.done().completeExceptionally(new IllegalStateException("the SMS journal is stopped")));
    }

    /** Writes a group; entries left waiting for their submit result go to {@code waiting}, the rest complete. */
    private void write(List<Entry> group, List<Entry> waiting) {
        try {
            List<Entry> left = writeOnce(group);
            Set<Entry> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            keep.addAll(left);
            waiting.addAll(left);
            group.stream().filter(e -> !keep.contains(e)).forEach(e -> e.done().complete(null));
        } catch (RuntimeException e) {
            // One bad item must not fail the others: write them one by one, each failing alone.
            log.warn("SMS journal: a group of {} failed, writing them one by one", group.size(), e);
            for (Entry entry : group) {
                try {
                    List<Entry> left = writeOnce(List.of(entry));
                    if (left.isEmpty()) {
                        entry.done().complete(null);
                    } else {
                        waiting.addAll(left);
                    }
                } catch (RuntimeException one) {
                    entry.done().completeExceptionally(one);
                }
            }
        }
    }

    private List<Entry> writeOnce(List<Entry> group) {
        List<Accept> accepts = new ArrayList<>();
        List<ReportStore.Pending> reports = new ArrayList<>();
        Map<ReportStore.Pending, Entry> entries = new IdentityHashMap<>();
        for (Entry e : group) {
            if (e.item() instanceof Accept a) {
                accepts.add(a);
            } else {
                ReportStore.Pending p = (ReportStore.Pending) e.item();
                reports.add(p);
                entries.put(p, e);
            }
        }
        long now = System.nanoTime();
        Predicate<ReportStore.Pending> wait = p -> running && (acceptsInFlight.contains(key(p.gateway(), p.providerMessageId()))
                || now - entries.get(p).arrived() < graceNanos);
        List<ReportStore.Pending> left = tx.execute(s -> writer.write(accepts, reports, wait));
        List<Entry> waiting = new ArrayList<>();
        if (left != null) {
            left.forEach(p -> waiting.add(entries.get(p)));
        }
        return waiting;
    }

    private void failAll(RuntimeException why) {
        for (List<BlockingQueue<Entry>> lanes : List.of(acceptLanes, reportLanes)) {
            for (BlockingQueue<Entry> lane : lanes) {
                List<Entry> left = new ArrayList<>();
                lane.drainTo(left);
                left.forEach(e -> e.done().completeExceptionally(why));
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < acceptLanes.size(); i++) {
            BlockingQueue<Entry> accepts = acceptLanes.get(i);
            BlockingQueue<Entry> reports = reportLanes.get(i);
            threads.add(Thread.ofPlatform().daemon().name("sms-journal-accepts-" + i).start(() -> work(accepts)));
            if (reports != accepts) {
                threads.add(Thread.ofPlatform().daemon().name("sms-journal-reports-" + i).start(() -> work(reports)));
            }
        }
    }

    /** Writes what is queued, then stops; later callers are written at once. */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                if (!t.join(Duration.ofSeconds(10))) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        failAll(new IllegalStateException("the SMS journal is stopped"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the dispatch workers, whose batches wait for it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
