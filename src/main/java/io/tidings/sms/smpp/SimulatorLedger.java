package io.tidings.sms.smpp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated SMSC took: every submit_sm, put back together into whole messages (UDH parts by reference,
 * message_payload as is), counted by text so that a message sent twice or never shows up in the numbers.
 */
final class SimulatorLedger {

    /** One accepted submit_sm, its text already decoded. */
    record Part(String smscId, String from, String to, UserData.Concat concat, String text) {
    }

    private record Key(String from, String to, int reference, int total) {
    }

    private final AtomicLong submits = new AtomicLong();
    private final List<SmscSimulator.Received> received = new ArrayList<>();
    private final Map<String, Integer> byText = new HashMap<>();
    private final Map<String, SmscSimulator.Received> byPartId = new HashMap<>();
    private final Map<Key, Part[]> pending = new HashMap<>();
    private long duplicates;

    void record(Part part) {
        submits.incrementAndGet();
        UserData.Concat concat = part.concat();
        if (concat == null || concat.total() == 1) {
            complete(List.of(part));
            return;
        }
        List<Part> whole = null;
        synchronized (this) {
            Key key = new Key(part.from(), part.to(), concat.reference(), concat.total());
            Part[] parts = pending.computeIfAbsent(key, k -> new Part[concat.total()]);
            parts[concat.sequence() - 1] = part;
            boolean all = true;
            for (Part p : parts) {
                all &= p != null;
            }
            if (all) {
                pending.remove(key);
                whole = List.of(parts);
            }
        }
        if (whole != null) {
            complete(whole);
        }
    }

    private synchronized void complete(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>(parts.size());
        for (Part p : parts) {
            text.append(p.text());
            ids.add(p.smscId());
        }
        Part first = parts.getFirst();
        SmscSimulator.Received message = new SmscSimulator.Received(first.from(), first.to(), text.toString(),
                parts.size(), List.copyOf(ids));
        received.add(message);
        if (byText.merge(message.text(), 1, Integer::sum) > 1) {
            duplicates++;
        }
        for (String id : ids) {
            byPartId.put(id, message);
        }
    }

    /** The message that part {@code smscId} belongs to, or null. */
    synchronized SmscSimulator.Received message(String smscId) {
        return byPartId.get(smscId);
    }

    synchronized List<SmscSimulator.Received> received() {
        return List.copyOf(received);
    }

    long submits() {
        return submits.get();
    }

    synchronized long messages() {
        return received.size();
    }

    synchronized long distinctTexts() {
        return byText.size();
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized void reset() {
        submits.set(0);
        received.clear();
        byText.clear();
        byPartId.clear();
        pending.clear();
        duplicates = 0;
    }
}
