package io.tidings.contacts;

import java.time.Instant;

/** One line of a contact's consent history. */
public record ConsentEntry(long id, long contactId, Channel channel, ConsentState state, String how,
                           String source, String actor, String ip, Instant changedAt) {
}
