package io.tidings.threads;

import java.util.List;

/**
 * A message to post. Body is plain text. {@code to} are explicit recipients of an outgoing email or
 * SMS; the thread's followers are added by the thread. {@code messageId} is generated for outgoing
 * email when null; inbound mail passes the one it arrived with.
 */
public record NewMessage(MessageKind kind, String authorUser, String authorAddress, String subject, String body,
                         List<String> to, String messageId, String inReplyTo) {

    public static NewMessage note(String author, String body) {
        return new NewMessage(MessageKind.NOTE, author, null, null, body, List.of(), null, null);
    }

    public static NewMessage email(String author, String subject, String body, List<String> to) {
        return new NewMessage(MessageKind.EMAIL_OUT, author, null, subject, body, to, null, null);
    }
}
