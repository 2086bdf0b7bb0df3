package io.tidings.mail;

import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The mail module's one facade: settings, signed addresses, DKIM keys, outgoing SMTP servers and
 * unsubscribing. Mail itself is sent by queueing it on dispatch channel {@code email} with an
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

    MailApi(MailSettings settings, MailTokens tokens, DkimKeys dkim, AddressHealth health, DomainCheck domainCheck,
            SmtpServers servers, Unsubscribes unsubscribes) {
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
        this.health = health;
        this.domainCheck = domainCheck;
        this.servers = servers;
        this.unsubscribes = unsubscribes;
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

    /** How many inbound mails have been stored (the mail bench counts what arrived). */
    public long inboundCount() {
        throw new UnsupportedOperationException("inbound mail is not stored yet");
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
