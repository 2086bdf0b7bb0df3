package io.tidings.threads;

import io.tidings.shared.NotFoundException;

/** The kinds of record that have a thread. */
public enum RecordModel {
    CONTACT, LEAD, ORDER;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return Keys.of(this);
    }

    /** An unknown model is a path that does not exist, hence 404 rather than 422. */
    public static RecordModel parse(String key) {
        for (RecordModel m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new NotFoundException("There are no records of model '" + key + "': use contact, lead or order.");
    }
}
