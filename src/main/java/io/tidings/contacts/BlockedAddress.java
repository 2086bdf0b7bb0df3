package io.tidings.contacts;

import java.time.Instant;

/** An address (lowercase email or E.164 phone) that never receives marketing on its channel. */
public record BlockedAddress(Channel channel, String address, String reason, String createdBy, Instant createdAt) {
}
