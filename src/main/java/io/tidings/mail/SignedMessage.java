package io.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A message that is DKIM-signed as it is written to the server, composed in place. The library's
 * {@link DkimMessage} can only be made as a copy of a finished message, which writes the whole message
 * out and parses it back (headers, body, a service lookup for each stream); here the copy is of an empty
 * message and its headers are not parsed at all, so a message is encoded once, while it is sent.
 * It keeps the Message-ID it is given, as {@link FixedIdMessage} does.
 */
final class SignedMessage extends DkimMessage {

    /** Read only: copying an unchanged parsed message reads it, nothing more. */
    private static final MimeMessage EMPTY = empty();

    SignedMessage(DkimSigner signer) throws MessagingException {
        super(EMPTY, signer);
    }

    /** Called once, by the copy constructor, with the empty message's bytes: there are no headers to read. */
    @Override
    protected InternetHeaders createInternetHeaders(InputStream is) {
        return new InternetHeaders();
    }

    @Override
    protected void updateMessageID() {
        // the Message-ID header was set by the composer and stays
    }

    private static MimeMessage empty() {
        try {
            return new MimeMessage(MessageComposer.SESSION, new ByteArrayInputStream(new byte[]{'\r', '\n'}));
        } catch (MessagingException e) {
            throw new IllegalStateException("an empty MIME message could not be parsed", e);
        }
    }
}
