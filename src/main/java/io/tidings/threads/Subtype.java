package io.tidings.threads;

/** What a follower chooses to hear about. */
public enum Subtype {
    DISCUSSION, NOTE, STAGE_CHANGE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return Keys.of(this);
    }

    public static Subtype parse(String key) {
        return Keys.parse(Subtype.class, key, "subtypes");
    }
}
