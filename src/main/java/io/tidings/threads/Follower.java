package io.tidings.threads;

import java.util.Set;

/** A user (by name) or a contact (by id) following a record, and the subtypes they chose. */
public record Follower(Kind kind, String user, Long contactId, Set<Subtype> subtypes) {

    public enum Kind {
        USER, CONTACT;

        @com.fasterxml.jackson.annotation.JsonValue
        String key() {
            return Keys.of(this);
        }
    }

    public static Follower user(String name, Set<Subtype> subtypes) {
        return new Follower(Kind.USER, name, null, subtypes);
    }

    public static Follower contact(long id, Set<Subtype> subtypes) {
        return new Follower(Kind.CONTACT, null, id, subtypes);
    }

    String key() {
        return kind == Kind.USER ? user : String.valueOf(contactId);
    }
}
