package io.tidings.threads;

import io.tidings.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        NewMessage clean = checked(m);
        ThreadMessage saved = store.insert(ref, clean, clean.to(), clean.messageId());
        if (notify) {
            notifier.notify(saved, title, clean.to());
        }
        return saved;
    }

    /**
     * As {@link #post(RecordRef, NewMessage, boolean)}, but a message whose Message-ID is already stored is not
     * stored again (empty then, nothing written, nobody notified). For incoming mail, where the same message may
     * arrive twice; the check, the insert and the followers' lookup are one statement. The record's title, for
     * notification subjects, is only read when a notification needs it.
     */
    @Transactional
    Optional<ThreadMessage> postOnce(RecordRef ref, NewMessage m, boolean notify) {
        guard.requireExists(ref);
        NewMessage clean = checked(m);
        Optional<ThreadStore.Stored> stored = store.insertOnce(ref, clean, clean.to(), clean.messageId());
        if (stored.isPresent() && notify) {
            notifier.notify(stored.get().message(), stored.get().followers(), () -> guard.require(ref), clean.to());
        }
        return stored.map(ThreadStore.Stored::message);
    }

    /** The message as stored: checked, header fields made safe, an email_out given its Message-ID. */
    private NewMessage checked(NewMessage m) {
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
        return new NewMessage(m.kind(), m.authorUser(), m.authorAddress(), subject, m.body(), to, messageId, m.inReplyTo());
    }
}
