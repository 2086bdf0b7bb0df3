package io.tidings.threads;

import java.time.Instant;
import java.util.List;

/** A message in a record's thread. Author is a user name, or for inbound mail/SMS an address. */
public record ThreadMessage(long id, RecordRef record, MessageKind kind, Subtype subtype, String authorUser,
                            String authorAddress, String subject, String body, List<String> recipients,
                            String messageId, String inReplyTo, Instant createdAt) {

    public boolean internal() {
        return kind == MessageKind.NOTE || kind == MessageKind.CHANGE;
    }

    public String author() {
        return authorUser != null ? authorUser : authorAddress;
    }
}
