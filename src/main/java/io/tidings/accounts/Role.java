package io.tidings.accounts;

import java.util.Locale;

/** What a user or token may do. Ordered from most to least powerful. */
public enum Role {
    ADMIN, MARKETER, SALESPERSON, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "': use admin, marketer, salesperson or viewer");
        }
    }
}
