package io.tidings.mail;

import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message that keeps the Message-ID it was given: JavaMail replaces it with a random one on save,
 * but threads store it so replies (In-Reply-To) find their way back.
 */
final class FixedIdMessage extends SMTPMessage {

    FixedIdMessage(Session session) {
        super(session);
    }

    @Override
    protected void updateMessageID() {
        // the Message-ID header was set by the composer and stays
    }
}
