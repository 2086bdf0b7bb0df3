package io.tidings.mail;

import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;

/** The mail module's one facade: settings, signed addresses, DKIM keys, incoming mail and its mailboxes. */
@Service
public class MailApi {

    private final MailSettings settings;
    private final MailTokens tokens;
    private final DkimKeys dkim;
    private final AddressHealth health;

    private final Inbound inbound;

    MailApi(MailSettings settings, MailTokens tokens, DkimKeys dkim, AddressHealth health, Inbound inbound) {
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
        this.health = health;
        this.inbound = inbound;
    }

    /** The parts of incoming mail, held together so the facade's constructor stays short. */
    @org.springframework.stereotype.Component
    static final class Inbound {
        final InboundSmtpServer smtp;
        final InboundMailStore store;
        final InboundReceiver receiver;
        final ImapMailboxes mailboxes;
        final ImapPoller poller;
        final InboundSettings settings;
        final InboundParser parser;

        Inbound(InboundSmtpServer smtp, InboundMailStore store, InboundReceiver receiver, ImapMailboxes mailboxes,
                ImapPoller poller, InboundSettings settings, InboundParser parser) {
            this.parser = parser;
            this.smtp = smtp;
            this.store = store;
            this.receiver = receiver;
            this.mailboxes = mailboxes;
            this.poller = poller;
            this.settings = settings;
        }
    }

    // --- incoming mail

    /** The port the built-in SMTP server (MX) listens on (the free one picked when configured as 0); -1 when off. */
    public int inboundPort() {
        return inbound.smtp.port();
    }

    public InboundSettings inboundSettings() {
        return inbound.settings;
    }

    /** Newest first; {@code before} is the last id of the previous page, or null. */
    public List<InboundMail> inboundMail(Long before, int limit) {
        return inbound.store.recent(before == null ? Long.MAX_VALUE : before, pageLimit(limit));
    }

    /** Mail no route took (or whose routing failed), newest first. */
    public List<InboundMail> catchall(Long before, int limit) {
        return inbound.store.catchall(before == null ? Long.MAX_VALUE : before, pageLimit(limit));
    }

    public InboundMail inbound(long id) {
        return inbound.store.find(id).orElseThrow(() -> new NotFoundException("There is no inbound mail " + id + "."));
    }

    /** The mail exactly as it arrived. */
    public byte[] inboundRaw(long id) {
        return inbound.store.raw(id).orElseThrow(() -> new NotFoundException("There is no inbound mail " + id + "."));
    }

    /** The mail's readable text, parsed again from its raw bytes (what the thread got, uncut). */
    public String inboundText(long id) {
        InboundMail m = inbound(id);
        return inbound.parser.parse(id, m.envelopeFrom(), m.envelopeTo(), inboundRaw(id)).text();
    }

    // --- IMAP mailboxes

    public List<ImapMailbox> mailboxes() {
        return inbound.mailboxes.list();
    }

    public ImapMailbox mailbox(long id) {
        return inbound.mailboxes.get(id);
    }

    public ImapMailbox addMailbox(NewImapMailbox mailbox) {
        return inbound.mailboxes.add(mailbox);
    }

    public void enableMailbox(long id, boolean enabled) {
        inbound.mailboxes.setEnabled(id, enabled);
    }

    public void deleteMailbox(long id) {
        if (!inbound.mailboxes.delete(id)) {
            throw new NotFoundException("There is no mailbox " + id + ".");
        }
    }

    /** Fetches the mailbox now (normally it is polled every {@code tidings.mail.imap.poll-interval}); its state after. */
    public ImapMailbox pollMailbox(long id) {
        inbound.poller.pollNow(id);
        return inbound.mailboxes.get(id);
    }

    private static int pageLimit(int limit) {
        if (limit < 1 || limit > 200) {
            throw new io.tidings.shared.InvalidInputException("limit", "limit is 1 to 200");
        }
        return limit;
    }

    /** Bounce records per address; a bounced address gets no mail. */
    public AddressHealth addressHealth() {
        return health;
    }

    public MailSettings settings() {
        return settings;
    }

    public MailTokens tokens() {
        return tokens;
    }

    /** The DKIM key of the mail domain under the configured selector (made on first use). */
    public DkimKeys.DkimKey dkimKey() {
        return dkim.key(settings.domain(), settings.dkimSelector());
    }
}
