package io.tidings.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Every mail setting, from {@code tidings.mail.*} (see {@link MailConfig}).
 *
 * @param domain            the mail domain: sender, reply and bounce addresses, DKIM signing domain, Message-IDs
 * @param fromLocal         local part of the default sender ({@code notifications} gives {@code notifications@<domain>})
 * @param fromName          display name of the default sender
 * @param dkimSelector      DKIM selector; the public key is published at {@code <selector>._domainkey.<domain>}
 * @param smtpUrl           an SMTP transport from the environment ({@code smtp://user:pass@host:587?starttls=true}), empty for none
 * @param inboundEnabled    whether the built-in SMTP server (MX) listens
 * @param inboundBind       address the built-in SMTP server listens on
 * @param inboundPort       its port (0 picks a free one, for tests)
 * @param maxMessageBytes   largest message the inbound server accepts; bigger ones are refused at DATA
 * @param aliases           local part → record model: mail to {@code leads@<domain>} creates a lead
 * @param softBounceLimit   soft bounces in a row after which an address counts as bounced
 * @param imapPollInterval  how often configured IMAP mailboxes are fetched
 */
public record MailSettings(String domain, String fromLocal, String fromName, String dkimSelector, String smtpUrl,
                           boolean inboundEnabled, String inboundBind, int inboundPort, long maxMessageBytes,
                           Map<String, String> aliases, int softBounceLimit, Duration imapPollInterval) {

    public MailSettings {
        domain = domain == null || domain.isBlank() ? "localhost" : domain.trim().toLowerCase(Locale.ROOT);
        fromLocal = fromLocal == null || fromLocal.isBlank() ? "notifications" : fromLocal.trim();
        dkimSelector = dkimSelector == null || dkimSelector.isBlank() ? "tidings" : dkimSelector.trim();
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        if (maxMessageBytes < 1024 || softBounceLimit < 1) {
            throw new IllegalArgumentException("tidings.mail: max-message-bytes >= 1024 and soft-bounce-limit >= 1 are required");
        }
    }

    /** {@code notifications@<domain>}. */
    public String fromAddress() {
        return fromLocal + "@" + domain;
    }
}
