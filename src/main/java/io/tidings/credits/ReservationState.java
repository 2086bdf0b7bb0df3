package io.tidings.credits;

import java.util.Locale;

/** Where a send's reservation stands. Only RESERVED may be settled or cancelled. */
public enum ReservationState {
    RESERVED, SETTLED, FROZEN, RETURNED, CANCELLED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReservationState parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
