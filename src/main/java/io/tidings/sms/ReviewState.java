package io.tidings.sms;

import java.util.Locale;

/** Where a signature or template is in review (seed 001: both are reviewed before they may be used). */
public enum ReviewState {
    PENDING, APPROVED, REJECTED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewState parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
