package io.tidings.threads;

public enum ActivityType {
    TO_DO, CALL, MEETING, EMAIL;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return Keys.of(this);
    }

    public static ActivityType parse(String key) {
        return Keys.parse(ActivityType.class, key, "type");
    }
}
