package io.tidings.threads;

import java.time.Instant;

/** A message a user follows, in their inbox. */
public record Notification(long id, long messageId, RecordRef record, MessageKind kind, String author, String subject,
                           String body, Instant createdAt, boolean read) {
}
