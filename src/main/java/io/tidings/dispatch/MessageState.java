package io.tidings.dispatch;

import java.util.Locale;

/** Where a message is in its life; sent can still become delivered or failed by a delivery report. */
public enum MessageState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageState parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
