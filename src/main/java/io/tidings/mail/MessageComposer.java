package io.tidings.mail;

import io.tidings.threads.RecordRef;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one queued email into a MIME message: From the configured sender, Reply-To the record's signed
 * reply address, the thread's Message-ID chain, List-Unsubscribe on marketing mail, a UTF-8
 * quoted-printable text body and an optional HTML alternative. Anything that would let a field add a
 * header is refused, never cleaned up.
 */
@Component
class MessageComposer {

    /** Why a message cannot be built; trying again would not help. */
    static final class Unsendable extends Exception {
        Unsendable(String reason) {
            super(reason);
        }
    }

    /** What the channel needs from a payload: the recipient and the thread chain are resolved by the caller. */
    record Draft(String to, EmailPayload payload, RecordRef record, ThreadHeaders.Chain chain, boolean listUnsubscribe) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");
    static {
        MailStreams.install();
    }

    static final Session SESSION = Session.getInstance(new Properties());
    private static final String UTF8 = StandardCharsets.UTF_8.name();

    private final MailSettings settings;
    private final MailTokens tokens;
    private final Unsubscribes unsubscribes;

    MessageComposer(MailSettings settings, MailTokens tokens, Unsubscribes unsubscribes) {
        this.settings = settings;
        this.tokens = tokens;
        this.unsubscribes = unsubscribes;
    }

    /** A Message-ID on the mail domain, for mail whose payload brings none. */
    String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + settings.domain() + ">";
    }

    /** An unsigned message. */
    SMTPMessage compose(Draft d) throws Unsendable {
        return compose(d, null);
    }

    /**
     * @param signer signs the message as it is written out (composed straight into a {@link SignedMessage},
     *               so nothing is copied or parsed); null for an unsigned message
     */
    SMTPMessage compose(Draft d, DkimSigner signer) throws Unsendable {
        EmailPayload p = d.payload();
        try {
            SMTPMessage m = signer != null ? new SignedMessage(signer) : new FixedIdMessage(SESSION);
            String fromName = p.fromName() != null ? p.fromName() : settings.fromName();
            m.setFrom(new InternetAddress(settings.fromAddress(), singleLine("fromName", fromName), UTF8));
            m.setRecipient(Message.RecipientType.TO, address(d.to()));
            if (d.record() != null) {
                m.setReplyTo(new InternetAddress[]{new InternetAddress(tokens.replyAddress(d.record()))});
            }
            m.setSubject(singleLine("subject", p.subject() == null ? "" : p.subject()), UTF8);
            m.setSentDate(new Date());
            m.setHeader("Message-ID", messageId("messageId", p.messageId() != null ? p.messageId() : newMessageId()));
            String inReplyTo = p.inReplyTo() != null ? p.inReplyTo() : d.chain().inReplyTo();
            if (inReplyTo != null) {
                m.setHeader("In-Reply-To", messageId("inReplyTo", inReplyTo));
            }
            List<String> refs = p.references() != null ? p.references() : d.chain().references();
            if (!refs.isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (String r : refs) {
                    b.append(b.isEmpty() ? "" : " ").append(messageId("references", r));
                }
                m.setHeader("References", MimeUtility.fold("References: ".length(), b.toString()));
            }
            if (d.listUnsubscribe()) {
                // RFC 8058: the https link takes a POST; mail clients show an unsubscribe button for it
                String address = d.to().toLowerCase(java.util.Locale.ROOT);
                m.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe: ".length(),
                        "<" + unsubscribes.url(address) + ">, <" + unsubscribes.mailto(address) + ">"));
                m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            String text = p.body() == null ? "" : p.body();
            if (p.html() == null || p.html().isBlank()) {
                m.setText(text, UTF8, "plain");
                m.setHeader("Content-Transfer-Encoding", "quoted-printable");
            } else {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(text, "plain"));
                alternative.addBodyPart(part(p.html(), "html"));
                m.setContent(alternative);
            }
            m.saveChanges();
            return m;
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw new Unsendable("the message could not be built: " + e.getMessage());
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF8, subtype);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private static InternetAddress address(String to) throws Unsendable {
        singleLine("to", to);
        try {
            InternetAddress a = new InternetAddress(to.strip(), true);
            if (a.getPersonal() != null || a.isGroup()) {
                throw new Unsendable("'" + to + "' must be a bare address");
            }
            return a;
        } catch (AddressException e) {
            throw new Unsendable("'" + to + "' is not an email address: " + e.getMessage());
        }
    }

    private static String messageId(String field, String id) throws Unsendable {
        singleLine(field, id);
        if (!MESSAGE_ID.matcher(id.strip()).matches()) {
            throw new Unsendable(field + " '" + id + "' is not a Message-ID such as <id@domain>");
        }
        return id.strip();
    }

    /** CR, LF and Unicode line separators in a header would start a header (or a body) of the sender's choosing. */
    static String singleLine(String field, String value) throws Unsendable {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == 0) {
                throw new Unsendable("refused: the " + field + " contains a line break, which could inject mail headers");
            }
        }
        return value;
    }
}
