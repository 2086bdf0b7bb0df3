package io.tidings.sms.smpp;

import io.tidings.sms.DeliveryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns per-part receipts into one report per Tidings message. A message sent as one submit_sm needs nothing: its
 * SMSC id is the providerMessageId. A concatenated one is reported under its first part's id: DELIVERED once every
 * part is delivered, FAILED as soon as any part fails (the rest no longer matter), IN_FLIGHT for intermediate news.
 *
 * <p>A receipt can overtake the submit_sm_resp of its own part inside the client (jsmpp processes PDUs on several
 * threads), so while a concatenated message is still being submitted an unknown id is held back briefly instead of
 * being reported as a message of its own.
 */
final class PartReceipts {

    private static final Logger log = LoggerFactory.getLogger(PartReceipts.class);

    /** The parts of one concatenated message. Guarded by its own monitor. */
    static final class Group {
        private final String[] ids;
        private final BitSet delivered;
        private final Instant opened;
        private boolean done;

        private Group(int parts, Instant opened) {
            this.ids = new String[parts];
            this.delivered = new BitSet(parts);
            this.opened = opened;
        }
    }

    private record Early(ReceiptParser.Receipt receipt, Instant at) {
    }

    private final String gateway;
    private final Consumer<DeliveryReport> reports;
    private final Clock clock;
    private final Duration hold;
    private final Duration keep;
    private final Map<String, Group> byPart = new ConcurrentHashMap<>();
    private final Map<String, Early> early = new ConcurrentHashMap<>();
    private final AtomicInteger submitting = new AtomicInteger();

    /**
     * @param hold how long an unknown receipt waits for its part to be registered
     * @param keep how long a concatenated message waits for its receipts before it is forgotten
     */
    PartReceipts(String gateway, Consumer<DeliveryReport> reports, Clock clock, Duration hold, Duration keep) {
        this.gateway = gateway;
        this.reports = reports;
        this.clock = clock;
        this.hold = hold;
        this.keep = keep;
    }

    Group open(int parts) {
        submitting.incrementAndGet();
        return new Group(parts, clock.instant());
    }

    /** Part {@code index} (from 0) was accepted under {@code smscId}. */
    void accepted(Group group, int index, String smscId) {
        synchronized (group) {
            group.ids[index] = smscId;
        }
        byPart.put(smscId, group);
        Early held = early.remove(smscId);
        if (held != null) {
            deliverHeld(held);
        }
    }

    /**
     * The submission ended. When not every part was accepted the message was not sent as a whole and gets no report;
     * the receipts of the parts that did go out are swallowed until the group ages out.
     */
    void close(Group group, boolean allAccepted) {
        if (!allAccepted) {
            synchronized (group) {
                group.done = true;
            }
        }
        submitting.decrementAndGet();
    }

    void receipt(ReceiptParser.Receipt receipt) {
        Group group = byPart.get(receipt.messageId());
        if (group != null) {
            record(group, receipt);
        } else if (submitting.get() > 0) {
            early.put(receipt.messageId(), new Early(receipt, clock.instant()));
        } else {
            reports.accept(report(receipt.messageId(), receipt, receipt.stat()));
        }
    }

    private void record(Group group, ReceiptParser.Receipt receipt) {
        DeliveryReport report = null;
        synchronized (group) {
            if (group.done) {
                return;
            }
            int index = indexOf(group, receipt.messageId());
            String first = group.ids[0];
            String detail = "part " + (index + 1) + " of " + group.ids.length + ": " + receipt.stat();
            switch (receipt.status()) {
                case FAILED -> {
                    group.done = true;
                    report = report(first, receipt, detail);
                }
                case DELIVERED -> {
                    group.delivered.set(index);
                    if (group.delivered.cardinality() == group.ids.length) {
                        group.done = true;
                        report = report(first, receipt, "all " + group.ids.length + " parts " + receipt.stat());
                    }
                }
                case IN_FLIGHT -> report = report(first, receipt, detail);
            }
        }
        if (report == null) {
            return;
        }
        try {
            reports.accept(report);
        } catch (RuntimeException e) {
            // The SMSC will deliver this receipt again: undo, so that it counts then.
            synchronized (group) {
                group.done = false;
                if (receipt.status() == DeliveryReport.Status.DELIVERED) {
                    group.delivered.clear(indexOf(group, receipt.messageId()));
                }
            }
            throw e;
        }
        // After a failure the other parts' receipts still come; the group stays (done) to swallow them.
        if (report.status() == DeliveryReport.Status.DELIVERED) {
            forget(group);
        }
    }

    /**
     * A held receipt was acknowledged to the SMSC when it arrived, so nobody will send it again: a sink failure now
     * can only be logged. held.at() null means it is reported under its own id (its part never showed up).
     */
    private void deliverHeld(Early held) {
        try {
            if (held.at() == null) {
                reports.accept(report(held.receipt().messageId(), held.receipt(), held.receipt().stat()));
            } else {
                receipt(held.receipt());
            }
        } catch (RuntimeException e) {
            log.error("{}: delivery report for {} lost, the event sink failed", gateway,
                    held.receipt().messageId(), e);
        }
    }

    /**
     * Reports receipts held longer than {@code hold} under their own id (their part was never registered), and
     * forgets concatenated messages older than {@code keep}. Called periodically.
     */
    void sweep() {
        Instant now = clock.instant();
        Instant heldBefore = now.minus(hold);
        early.forEach((id, held) -> {
            if (held.at().isBefore(heldBefore) && early.remove(id, held)) {
                deliverHeld(new Early(held.receipt(), null));
            }
        });
        Instant keptBefore = now.minus(keep);
        byPart.values().removeIf(group -> group.opened.isBefore(keptBefore));
    }

    int tracked() {
        return byPart.size() + early.size();
    }

    private void forget(Group group) {
        String[] ids;
        synchronized (group) {
            ids = group.ids.clone();
        }
        for (String id : ids) {
            if (id != null) {
                byPart.remove(id, group);
            }
        }
    }

    private static int indexOf(Group group, String id) {
        for (int i = 0; i < group.ids.length; i++) {
            if (id.equals(group.ids[i])) {
                return i;
            }
        }
        throw new IllegalStateException("receipt " + id + " routed to a message it is not part of");
    }

    private DeliveryReport report(String providerMessageId, ReceiptParser.Receipt receipt, String detail) {
        return new DeliveryReport(gateway, providerMessageId, receipt.status(), receipt.error(), detail,
                clock.instant());
    }
}
