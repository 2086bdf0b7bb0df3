package io.tidings.sms.smpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts concatenated inbound messages back together by (from, to, reference). Parts live only in memory: they have
 * already been acknowledged to the SMSC, so a restart mid-message loses the parts so far (the message is then
 * missing, not garbled). Bounded in count and age so a phone that never sends its last part costs nothing lasting.
 */
final class InboundAssembler {

    private record Key(String from, String to, int reference, int total) {
    }

    private static final class Pending {
        final String[] parts;
        final Instant started;
        int received;

        Pending(int total, Instant started) {
            this.parts = new String[total];
            this.started = started;
        }
    }

    private final Clock clock;
    private final Duration maxAge;
    private final int maxPending;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    InboundAssembler(Clock clock, Duration maxAge, int maxPending) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxPending = maxPending;
    }

    /** The whole text once the last missing part arrives, else empty. A repeated part is ignored. */
    synchronized Optional<String> add(String from, String to, UserData.Concat concat, String text) {
        if (concat.total() == 1) {
            return Optional.of(text);
        }
        evictOld();
        Key key = new Key(from, to, concat.reference(), concat.total());
        Pending p = pending.get(key);
        if (p == null) {
            if (pending.size() >= maxPending) { // the oldest goes first: insertion order
                pending.remove(pending.keySet().iterator().next());
            }
            p = new Pending(concat.total(), clock.instant());
            pending.put(key, p);
        }
        int index = concat.sequence() - 1;
        if (p.parts[index] == null) {
            p.parts[index] = text;
            p.received++;
        }
        if (p.received < p.parts.length) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(String.join("", p.parts));
    }

    synchronized int pending() {
        return pending.size();
    }

    private void evictOld() {
        Instant before = clock.instant().minus(maxAge);
        pending.values().removeIf(p -> p.started.isBefore(before));
    }
}
