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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for what providers tell us: every accepted submit and every delivery report is handed to a lane,
 * which writes whatever has gathered meanwhile in one transaction ({@link JournalWriter}) and only then completes
 * the callers' futures. So a deliver_sm is acknowledged to the SMSC, and a channel returns its batch, only once
 * what they said is committed; a crash loses nothing that was acknowledged.
 *
 * <p>A message's submit result and its report carry the same provider id, and the lane is chosen by that id, so
 * both are written by one lane in order: a report that raced its submit result is either in the same group (written
 * after it) or in a later one, or it came first and was parked, and the group that writes the submit result
 * applies it. Lanes work side by side ({@code tidings.sms.journal-lanes}, 2). A caller already inside a transaction
 * (a test holding locks, a webhook in a service method) is written at once in its own transaction instead.
 */
@Component
class SendJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendJournal.class);
    /** The most one group writes; a bigger backlog is written by the next groups. */
    private static final int MAX_GROUP = 2_000;

    /** A provider took a message: what {@code sent} records. {@code queued} is null when no worker holds it (tests). */
    record Accept(long smsId, long providerId, String gateway, String providerMessageId, int segments,
                  QueuedMessage queued) {
    }

    private record Entry(Object item, CompletableFuture<Void> done) {
    }

    private final JournalWriter writer;
    private final TransactionTemplate tx;
    private final List<BlockingQueue<Entry>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SendJournal(JournalWriter writer, PlatformTransactionManager transactions,
                @Value("${tidings.sms.journal-lanes:1}") int lanes) {
        this.writer = writer;
        this.tx = new TransactionTemplate(transactions);
        for (int i = 0; i < Math.max(1, lanes); i++) {
            this.lanes.add(new LinkedBlockingQueue<>());
        }
    }

    CompletableFuture<Void> accepted(Accept a) {
        return submit(a.providerMessageId(), a);
    }

    CompletableFuture<Void> reported(ReportStore.Pending p) {
        return submit(p.providerMessageId(), p);
    }

    /** Waits for a write; its failure is thrown as it was. */
    static void await(CompletableFuture<Void> written) {
        try {
            written.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private CompletableFuture<Void> submit(String providerMessageId, Object item) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                write(List.of(item));
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
            return done;
        }
        lanes.get(Math.floorMod(providerMessageId.hashCode(), lanes.size())).add(new Entry(item, done));
        if (!running) { // stopped meanwhile: nobody will take it
            drainAndFail(new IllegalStateException("the SMS journal is stopped"));
        }
        return done;
    }

    private void write(List<Object> items) {
        List<Accept> accepts = new ArrayList<>();
        List<ReportStore.Pending> reports = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Accept a) {
                accepts.add(a);
            } else {
                reports.add((ReportStore.Pending) item);
            }
        }
        long T = System.nanoTime();
        long[] in = new long[1];
        tx.executeWithoutResult(s -> { writer.write(accepts, reports); in[0] = System.nanoTime(); });
        System.err.println("PROFC commit=" + (System.nanoTime() - in[0]) / 1000 + "us total=" + (System.nanoTime() - T) / 1000 + "us " + JournalWriter.P);
    }

    private void work(BlockingQueue<Entry> lane) {
        List<Entry> group = new ArrayList<>();
        while (running || !lane.isEmpty()) {
            try {
                Entry first = lane.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                break;
            }
            lane.drainTo(group, MAX_GROUP - 1);
            try {
                long T = System.nanoTime();
                write(group.stream().map(Entry::item).toList());
                System.err.println("PROFJ " + System.currentTimeMillis() % 100000 + " " + Thread.currentThread().getName() + " n=" + group.size() + " a=" + group.stream().filter(e -> e.item() instanceof Accept).count() + " ms=" + (System.nanoTime() - T) / 1e6);
                group.forEach(e -> e.done().complete(null));
            } catch (RuntimeException e) {
                // One bad item must not fail the others: write them one by one, each failing alone.
                log.warn("SMS journal: a group of {} failed, writing them one by one", group.size(), e);
                for (Entry entry : group) {
                    try {
                        write(List.of(entry.item()));
                        entry.done().complete(null);
                    } catch (RuntimeException one) {
                        entry.done().completeExceptionally(one);
                    }
                }
            }
            group.clear();
        }
    }

    private void drainAndFail(RuntimeException why) {
        for (BlockingQueue<Entry> lane : lanes) {
            List<Entry> left = new ArrayList<>();
            lane.drainTo(left);
            left.forEach(e -> e.done().completeExceptionally(why));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Entry> lane = lanes.get(i);
            threads.add(Thread.ofPlatform().daemon().name("sms-journal-" + i).start(() -> work(lane)));
        }
    }

    /** Writes what is queued, then stops; later callers are written at once. */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                if (!t.join(java.time.Duration.ofSeconds(10))) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        drainAndFail(new IllegalStateException("the SMS journal is stopped"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the dispatch workers (whose batches wait for it) and the gateways' sessions. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
