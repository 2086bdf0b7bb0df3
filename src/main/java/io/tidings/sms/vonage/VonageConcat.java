package io.tidings.sms.vonage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A long inbound message reaches the inbound webhook as one request per part, marked concat=true with
 * concat-ref (same for every part of one message from one sender), concat-total and concat-part (1-based).
 * This holds the parts, in memory and bounded, until all have arrived, then gives back the whole text.
 */
final class VonageConcat {

    private final int capacity;
    private final Map<String, Pending> pending;

    private record Pending(int total, TreeMap<Integer, Part> parts) {
    }

    /** One part as received: its text and message id. */
    record Part(String messageId, String text) {
    }

    /** A complete message: the first part's id and the joined text. */
    record Whole(String messageId, String text) {
    }

    VonageConcat(int capacity) {
        this.capacity = capacity;
        this.pending = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                return size() > VonageConcat.this.capacity;
            }
        };
    }

    /** The whole message once {@code part} completed it; empty while parts are missing. */
    synchronized Optional<Whole> add(String sender, String ref, int total, int number, Part part) {
        if (total < 1 || total > 255 || number < 1 || number > total) {
            throw new IllegalArgumentException("concat-part " + number + " of " + total + " is not a valid part.");
        }
        String key = sender + "\u0000" + ref;
        Pending p = pending.computeIfAbsent(key, k -> new Pending(total, new TreeMap<>()));
        p.parts().put(number, part);
        if (p.parts().size() < p.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        StringBuilder text = new StringBuilder();
        p.parts().values().forEach(x -> text.append(x.text()));
        return Optional.of(new Whole(p.parts().firstEntry().getValue().messageId(), text.toString()));
    }
}
