package io.tidings.threads;

/** What a thread message is; the subtype followers choose follows from it. */
public enum MessageKind {
    EMAIL_OUT, EMAIL_IN, SMS_OUT, SMS_IN, NOTE, CHANGE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return Keys.of(this);
    }

    public static MessageKind parse(String key) {
        return Keys.parse(MessageKind.class, key, "kind");
    }

    Subtype subtype() {
        return switch (this) {
            case NOTE -> Subtype.NOTE;
            case CHANGE -> Subtype.STAGE_CHANGE;
            default -> Subtype.DISCUSSION;
        };
    }
}
