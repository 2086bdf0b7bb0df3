package io.tidings.dispatch;

import java.util.Locale;

/** Transactional messages (codes, receipts) and marketing ones obey different consent and timing rules. */
public enum Traffic {
    TRANSACTIONAL, MARKETING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Traffic parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
