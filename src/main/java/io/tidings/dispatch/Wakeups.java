package io.tidings.dispatch;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes this node's worker loops of a channel as soon as work for it is queued on any node: every enqueue notifies
 * {@link #TOPIC} with the channel's name in its transaction (PostgreSQL delivers it on commit, to every listening
 * session of every node), and one connection per node LISTENs and fires the channel's {@link Signal}. A loop sleeps
 * on its signal for at most the poll interval, so a lost notification (listener reconnecting, database restart)
 * costs no more than one poll interval; polling stays the fallback, never the only way.
 */
final class Wakeups implements AutoCloseable {

    static final String TOPIC = "tidings_dispatch";
    private static final Logger log = LoggerFactory.getLogger(Wakeups.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** A generation counter a loop waits on; firing it wakes every waiter. */
    static final class Signal {

        private long generation;

        synchronized long generation() {
            return generation;
        }

        synchronized void fire() {
            generation++;
            notifyAll();
        }

        /** Waits up to {@code pause} for a generation after {@code seen}; false when interrupted. */
        synchronized boolean awaitAfter(long seen, Duration pause) {
            long end = System.nanoTime() + pause.toNanos();
            try {
                for (long left = pause.toNanos(); generation == seen && left > 0; left = end - System.nanoTime()) {
                    wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private final DataSource dataSource;
    private final ConcurrentMap<String, Signal> signals = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread listener;

    Wakeups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Signal signal(String channel) {
        return signals.computeIfAbsent(channel, c -> new Signal());
    }

    /** Starts listening; without a data source (workers built by hand in tests) loops just poll. */
    void start() {
        if (dataSource != null) {
            listener = Thread.ofPlatform().daemon().name("dispatch-wakeups").start(this::listen);
        }
    }

    /** Fires every signal, e.g. so that loops notice they are stopping. */
    void fireAll() {
        signals.values().forEach(Signal::fire);
    }

    private void listen() {
        while (!closed) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + TOPIC);
                PGConnection pg = c.unwrap(PGConnection.class);
                fireAll(); // whatever was queued while nobody listened
                while (!closed) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            Signal signal = signals.get(n.getParameter());
                            if (signal != null) {
                                signal.fire();
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.debug("dispatch wake-up listener lost its connection; polling until it is back", e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        fireAll();
        Thread t = listener;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
