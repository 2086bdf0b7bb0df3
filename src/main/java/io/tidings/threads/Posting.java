package io.tidings.threads;

import io.tidings.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Checks and stores a message, then notifies, in one transaction: no notification for a lost message. */
@Component
class Posting {

    static final int MAX_BODY = 100_000;

    private final ThreadStore store;
    private final RecordGuard guard;
    private final Notifier notifier;
    private final String mailDomain;

    /** @param mailDomain the mail module's domain (read as a property: threads do not depend on mail) */
    Posting(ThreadStore store, RecordGuard guard, Notifier notifier,
            @Value("${tidings.mail.domain:localhost}") String mailDomain) {
        this.store = store;
        this.guard = guard;
        this.notifier = notifier;
        this.mailDomain = mailDomain == null || mailDomain.isBlank() ? "localhost" : mailDomain.strip().toLowerCase(Locale.ROOT);
    }

    @Transactional
    ThreadMessage post(RecordRef ref, NewMessage m) {
        return post(ref, m, true);
    }

    @Transactional
    ThreadMessage post(RecordRef ref, NewMessage m, boolean notify) {
        String title = guard.require(ref);
        if (m.kind() == null) {
            throw new InvalidInputException("kind", "a message needs a kind");
        }
        String subject = HeaderSafety.subject(m.subject());
        List<String> to = switch (m.kind()) {
            case SMS_OUT, SMS_IN -> HeaderSafety.numbers(m.to());
            default -> HeaderSafety.addresses(m.to());
        };
        if ((m.body() == null || m.body().isBlank()) && m.kind() != MessageKind.CHANGE) {
            throw new InvalidInputException("body", "a message needs a body");
        }
        if (m.body() != null && m.body().length() > MAX_BODY) {
            throw new InvalidInputException("body", "a message body has at most " + MAX_BODY + " characters");
        }
        if (m.kind() == MessageKind.NOTE && !to.isEmpty()) {
            throw new InvalidInputException("to", "an internal note is not sent to anyone");
        }
        // Replies quote this id in In-Reply-To; the mail part will route them back here by it.
        String messageId = m.messageId() != null ? m.messageId()
                : m.kind() == MessageKind.EMAIL_OUT ? "<" + UUID.randomUUID() + "@" + mailDomain + ">" : null;
        NewMessage clean = new NewMessage(m.kind(), m.authorUser(), m.authorAddress(), subject, m.body(), to, messageId,
                m.inReplyTo());
        ThreadMessage saved = store.insert(ref, clean, to, messageId);
        if (notify) {
            notifier.notify(saved, title, to);
        }
        return saved;
    }
}
