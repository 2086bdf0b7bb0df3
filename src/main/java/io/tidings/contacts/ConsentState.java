package io.tidings.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum ConsentState {
    OPTED_IN, OPTED_OUT, UNKNOWN;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConsentState parse(String text) {
        if (text != null) {
            for (ConsentState s : values()) {
                if (s.key().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown consent state '" + text + "': use opted_in, opted_out or unknown");
    }
}
