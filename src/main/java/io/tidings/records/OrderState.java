package io.tidings.records;

import io.tidings.shared.InvalidInputException;

import java.util.Locale;

public enum OrderState {
    DRAFT, CONFIRMED, SHIPPED, CANCELLED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderState parse(String key) {
        for (OrderState s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new InvalidInputException("state", "state must be one of draft, confirmed, shipped, cancelled");
    }
}
