package io.tidings.mail;

import io.tidings.threads.MessageKind;
import io.tidings.threads.NewMessage;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Puts an inbound mail into a record's thread as {@code email_in}; automatic mail goes in without notifying anyone. */
@Component
class InboundThreadPost {

    static final int MAX_BODY = 100_000;

    private final ThreadsApi threads;

    InboundThreadPost(ThreadsApi threads) {
        this.threads = threads;
    }

    ThreadMessage post(RecordRef ref, InboundMessage mail, boolean automatic) {
        NewMessage m = message(mail);
        return automatic ? threads.postWithoutNotifying(ref, m) : threads.post(ref, m);
    }

    /** Empty when a thread message with the mail's Message-ID is already stored: nothing is posted then. */
    Optional<ThreadMessage> postOnce(RecordRef ref, InboundMessage mail, boolean automatic) {
        return threads.postOnce(ref, message(mail), !automatic);
    }

    private static NewMessage message(InboundMessage mail) {
        String author = mail.sender() == null ? "unknown sender" : mail.sender();
        return new NewMessage(MessageKind.EMAIL_IN, null, author, mail.subject(), body(mail), List.of(),
                mail.messageId(), mail.inReplyTo());
    }

    /** Text is what the thread shows; an empty mail still gets a line, an enormous one is cut. */
    static String body(InboundMessage mail) {
        String text = text(mail);
        if (text.isEmpty()) {
            return mail.htmlSanitized() != null ? "(HTML only, see the inbound mail)" : "(no text)";
        }
        return text.length() <= MAX_BODY ? text
                : text.substring(0, MAX_BODY - 60) + "\n\n[cut: the full mail is kept as inbound mail " + mail.id() + "]";
    }

    /** Whether the thread body is cut short, and so names the inbound mail's id. */
    static boolean cut(InboundMessage mail) {
        return mail.text() != null && mail.text().length() > MAX_BODY && text(mail).length() > MAX_BODY;
    }

    private static String text(InboundMessage mail) {
        // PostgreSQL text cannot hold NUL; other control characters are harmless in a pre-wrapped, escaped body
        return mail.text() == null ? "" : mail.text().replace("\u0000", "").replace("\r\n", "\n").strip();
    }
}
