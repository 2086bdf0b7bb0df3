package io.tidings.sms.vonage;

import io.tidings.sms.DeliveryReport.Status;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vonage gives each part of a long message its own message-id and sends a receipt per part, while Tidings
 * knows the message by its first part's id. This remembers, in memory, which parts belong to which message
 * and folds their receipts into one verdict: FAILED as soon as a part fails, DELIVERED once every part is,
 * IN_FLIGHT meanwhile. The memory is bounded (oldest messages forgotten first) and lost on restart; a receipt
 * for a part it does not know is reported under the part's own id, which is right for one-part messages.
 */
final class VonageParts {

    private final int capacity;
    private final Map<String, Message> byPart;

    private static final class Message {
        final String firstId;
        final Set<String> undelivered;
        boolean settled;

        Message(String firstId, List<String> parts) {
            this.firstId = firstId;
            this.undelivered = new HashSet<>(parts);
        }
    }

    /** What to report for one receipt: the message's id and its status now. */
    record Verdict(String providerMessageId, Status status) {
    }

    VonageParts(int capacity) {
        this.capacity = capacity;
        this.byPart = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Message> eldest) {
                return size() > VonageParts.this.capacity;
            }
        };
    }

    synchronized void register(List<String> partIds) {
        if (partIds.size() < 2) {
            return;
        }
        Message m = new Message(partIds.getFirst(), partIds);
        for (String id : partIds) {
            byPart.put(id, m);
        }
    }

    /** Empty when the receipt adds nothing (a part of a message already reported final). */
    synchronized Optional<Verdict> receipt(String partId, Status status) {
        Message m = byPart.get(partId);
        if (m == null) {
            return Optional.of(new Verdict(partId, status));
        }
        if (m.settled) {
            return Optional.empty();
        }
        return switch (status) {
            case FAILED -> {
                m.settled = true;
                yield Optional.of(new Verdict(m.firstId, Status.FAILED));
            }
            case DELIVERED -> {
                m.undelivered.remove(partId);
                if (m.undelivered.isEmpty()) {
                    m.settled = true;
                    yield Optional.of(new Verdict(m.firstId, Status.DELIVERED));
                }
                yield Optional.of(new Verdict(m.firstId, Status.IN_FLIGHT));
            }
            case IN_FLIGHT -> Optional.of(new Verdict(m.firstId, Status.IN_FLIGHT));
        };
    }

    synchronized List<String> parts(String firstId) {
        return byPart.entrySet().stream().filter(e -> e.getValue().firstId.equals(firstId)).map(Map.Entry::getKey).toList();
    }
}
