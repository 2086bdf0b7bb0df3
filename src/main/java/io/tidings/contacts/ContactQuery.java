package io.tidings.contacts;

/**
 * One page of a search. {@code q} matches name, email, phone or company (a phone-looking q is read
 * as a number, so "(202) 555-0134" finds +12025550134); {@code tag} must be among the tags;
 * {@code after} is the cursor from the previous page.
 */
public record ContactQuery(String q, String tag, String after, int limit) {

    public static final int MAX_LIMIT = 1000;

    public static ContactQuery all(int limit) {
        return new ContactQuery(null, null, null, limit);
    }

    public ContactQuery after(String cursor) {
        return new ContactQuery(q, tag, cursor, limit);
    }
}
