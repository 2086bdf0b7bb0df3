package io.tidings.threads;

/** How a user hears about what they follow. Inbox unless they chose email. */
public enum NotificationPreference {
    EMAIL, INBOX;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return Keys.of(this);
    }

    public static NotificationPreference parse(String key) {
        return Keys.parse(NotificationPreference.class, key, "preference");
    }
}
