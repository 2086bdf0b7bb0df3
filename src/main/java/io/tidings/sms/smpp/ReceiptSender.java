package io.tidings.sms.smpp;

import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The simulator's outgoing deliver_sm receipts. A few workers take due receipts off a delay queue and send each on
 * the session that submitted the message, or the newest bound one if that is gone, the way a real SMSC stores
 * receipts for an ESME that rebinds. A receipt the ESME could not take (throttled, no session, no answer) goes back
 * on the queue a little later, for at most {@link #GIVE_UP_NANOS}; nothing is dropped silently: see {@link #dropped()}.
 */
final class ReceiptSender implements AutoCloseable {

    /** A receipt due at {@code dueNanos}. stat is a receipt stat word, err its three-digit code. */
    record Receipt(String smscId, String handset, String esme, String stat, String err, String text,
                   String preferredSession, long firstNanos, long dueNanos) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Receipt) other).dueNanos);
        }

        Receipt later(long nanos) {
            return new Receipt(smscId, handset, esme, stat, err, text, preferredSession, firstNanos,
                    System.nanoTime() + nanos);
        }
    }

    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final List<String> STATES = List.of("", "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV",
            "ACCEPTD", "UNKNOWN", "REJECTD");

    private final DelayQueue<Receipt> queue = new DelayQueue<>();
    private final Function<String, SMPPServerSession> sessions;
    private final List<Thread> workers;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** @param sessions the bound session with that id, or else the newest bound one, or null when there is none */
    ReceiptSender(Function<String, SMPPServerSession> sessions, int concurrency) {
        this.sessions = sessions;
        this.workers = java.util.stream.IntStream.range(0, concurrency)
                .mapToObj(i -> Thread.ofVirtual().name("smsc-receipts-" + i).start(this::work)).toList();
    }

    void schedule(String smscId, String handset, String esme, String stat, String err, String text,
                  String session, long delayNanos) {
        long now = System.nanoTime();
        queue.add(new Receipt(smscId, handset, esme, stat, err, text, session, now, now + delayNanos));
    }

    long sent() {
        return sent.get();
    }

    long pending() {
        return queue.size();
    }

    long dropped() {
        return dropped.get();
    }

    void clear() {
        queue.clear();
        sent.set(0);
        dropped.set(0);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            Receipt receipt;
            try {
                receipt = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (send(receipt)) {
                sent.incrementAndGet();
            } else if (System.nanoTime() - receipt.firstNanos() > GIVE_UP_NANOS) {
                dropped.incrementAndGet();
            } else {
                queue.add(receipt.later(TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
    }

    private boolean send(Receipt r) {
        SMPPServerSession session = sessions.apply(r.preferredSession());
        if (session == null) {
            return false;
        }
        String date = LocalDateTime.now(ZoneOffset.UTC).format(DATE);
        String body = "id:" + r.smscId() + " sub:001 dlvrd:" + (r.stat().equals("DELIVRD") ? "001" : "000")
                + " submit date:" + date + " done date:" + date + " stat:" + r.stat() + " err:" + r.err()
                + " text:" + r.text();
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, r.handset(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, r.esme(), new ESMClass(0x04), (byte) 0,
                    (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, body.getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(r.smscId()),
                    new OptionalParameter.Message_state((byte) state(r.stat())));
            return true;
        } catch (Exception e) { // throttled, timed out or session gone: try again later
            return false;
        }
    }

    /** message_state for a stat word; UNKNOWN (7) for a word SMPP does not define. */
    private static int state(String stat) {
        int state = STATES.indexOf(stat);
        return state > 0 ? state : 7;
    }

    @Override
    public void close() {
        workers.forEach(Thread::interrupt);
    }
}
