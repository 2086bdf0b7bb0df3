package io.tidings.mail;

import org.springframework.stereotype.Service;

/** The mail module's one facade: settings, signed addresses, DKIM keys. */
@Service
public class MailApi {

    private final MailSettings settings;
    private final MailTokens tokens;
    private final DkimKeys dkim;
    private final AddressHealth health;
    private final DomainCheck domainCheck;

    MailApi(MailSettings settings, MailTokens tokens, DkimKeys dkim, AddressHealth health, DomainCheck domainCheck) {
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
        this.health = health;
        this.domainCheck = domainCheck;
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
