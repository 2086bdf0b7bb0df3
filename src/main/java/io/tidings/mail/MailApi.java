package io.tidings.mail;

import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The mail module's one facade: settings, signed addresses, DKIM keys, outgoing SMTP servers and
 * unsubscribing, incoming mail and its mailboxes. Mail itself is sent by queueing it on dispatch channel {@code email} with an
 * {@link EmailPayload}; there is no direct send, so retries, rate limits and the log are the queue's.
 */
@Service
public class MailApi {

    private final MailSettings settings;
    private final MailTokens tokens;
    private final DkimKeys dkim;
    private final AddressHealth health;
    private final DomainCheck domainCheck;

    private final SmtpServers servers;
    private final Unsubscribes unsubscribes;
    private final Inbound inbound;

    MailApi(MailSettings settings, MailTokens tokens, DkimKeys dkim, AddressHealth health, DomainCheck domainCheck,
            SmtpServers servers, Unsubscribes unsubscribes, Inbound inbound) {
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
        this.health = health;
        this.domainCheck = domainCheck;
        this.servers = servers;
        this.unsubscribes = unsubscribes;
        this.inbound = inbound;
    }

    /** The dispatch channel mail is queued on. */
    public static final String CHANNEL = EmailChannel.NAME;

    // --- outgoing servers (passwords masked)

    /** The server in TIDINGS_SMTP_URL (if any) first, then the configured ones by priority. */
    public List<MailServer> mailServers() {
        return servers.list();
    }

    public MailServer mailServer(long id) {
        return servers.get(id);
    }

    public MailServer addMailServer(NewMailServer server) {
        return servers.add(server);
    }

    public MailServer setMailServerActive(long id, boolean active) {
        return servers.setActive(id, active);
    }

    public void deleteMailServer(long id) {
        servers.delete(id);
    }

    // --- unsubscribing (RFC 8058)

    /** The one-click link put in List-Unsubscribe for this address. */
    public String unsubscribeUrl(String address) {
        return unsubscribes.url(address);
    }

    /** The address a token names, when we signed it. */
    public Optional<String> unsubscribeAddress(String token) {
        return unsubscribes.address(token);
    }

    /**
     * Opts the token's address out of email (a consent-log entry per contact; the blocklist when it is no
     * contact). Empty when the token is not ours.
     *
     * @param how how the request came, such as {@code one-click} or {@code unsubscribe-page}
     */
    public Optional<Unsubscribed> unsubscribe(String token, String how, String ip) {
        return unsubscribes.unsubscribe(token, how, ip)
                .map(o -> new Unsubscribed(o.address(), o.optedOutContacts().size(), o.blocklisted()));
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

    /** How many inbound mails are stored, by route ({@code pending} until routed); the mail bench counts what arrived. */
    public java.util.Map<String, Long> inboundCounts() {
        return inbound.store.countsByRoute();
    }

    /** The SPF, DKIM, DMARC and MX records the mail domain should publish. */
    public DomainReport domainRecords() {
        return domainCheck.report(settings.domain(), settings.dkimSelector(), false);
    }

    /** The same records with what live DNS says about each; never throws for DNS trouble. */
    public DomainReport checkDomain() {
        return domainCheck.report(settings.domain(), settings.dkimSelector(), true);
    }
}
