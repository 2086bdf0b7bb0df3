package io.tidings.sms.send;

import io.tidings.contacts.Contact;
import io.tidings.contacts.PhoneInfo;

/**
 * One recipient before the rules: a contact, a raw number, or both (a raw number that is a contact's).
 * {@code phone} is null when the number could not be read; {@code invalid} then says why.
 */
record Candidate(Contact contact, String raw, PhoneInfo phone, String invalid) {

    Long contactId() {
        return contact == null ? null : contact.id();
    }

    /** E.164 when known, else what was given, for reports. */
    String to() {
        return phone != null ? phone.e164() : raw;
    }

    String country() {
        return phone == null ? null : phone.region();
    }
}
