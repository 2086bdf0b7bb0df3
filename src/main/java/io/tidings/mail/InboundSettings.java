package io.tidings.mail;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Settings of incoming mail beyond {@link MailSettings}.
 *
 * @param domains          every domain the MX accepts mail for: {@code tidings.mail.domain} plus {@code tidings.mail.inbound.domains}
 * @param maxRecipients    RCPT TO commands per message; more get 452
 * @param maxConnections   SMTP sessions open at once
 * @param connectionTimeout idle time after which an SMTP session is closed
 * @param imapPolling      whether this node fetches IMAP mailboxes on schedule
 * @param imapBatch        most messages taken from one mailbox per poll
 * @param tlsKeystore      a PKCS#12 file with the MX's key and certificate, to offer STARTTLS; empty for none
 * @param tlsPassword      its password
 */
public record InboundSettings(Set<String> domains, int maxRecipients, int maxConnections, Duration connectionTimeout,
                              boolean imapPolling, int imapBatch, String tlsKeystore, String tlsPassword) {

    public InboundSettings {
        domains = Set.copyOf(domains);
        tlsKeystore = tlsKeystore == null ? "" : tlsKeystore.trim();
        tlsPassword = tlsPassword == null ? "" : tlsPassword;
        if (maxRecipients < 1 || maxConnections < 1 || imapBatch < 1) {
            throw new IllegalArgumentException("tidings.mail.inbound: max-recipients, max-connections and imap batch must be >= 1");
        }
    }

    /** The mail domain and the comma-separated extra ones, lower case, without a trailing dot. */
    static Set<String> domains(String mailDomain, String extra) {
        Set<String> out = new LinkedHashSet<>();
        out.add(normalDomain(mailDomain));
        if (extra != null) {
            for (String d : extra.split(",")) {
                if (!d.isBlank()) {
                    out.add(normalDomain(d));
                }
            }
        }
        return out;
    }

    static String normalDomain(String d) {
        String s = d.trim().toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    public boolean isOurs(String domain) {
        return domain != null && domains.contains(normalDomain(domain));
    }
}
