package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.util.List;

/** MX: some MX of the domain names the inbound host. Other ways in (IMAP, forwarding) make a different MX fine. */
@Component
class DnsMxRule implements DnsRule {

    @Override
    public DomainRecord.Kind kind() {
        return DomainRecord.Kind.MX;
    }

    @Override
    public String whenMissing(DomainRecord expected) {
        return "No MX record for " + expected.name() + ": replies and bounces cannot reach Tidings by MX. Publish "
                + expected.value() + ", or fetch them by IMAP or forwarding instead.";
    }

    @Override
    public DnsCheck judge(DomainRecord expected, List<String> found) {
        String host = expected.value().substring(expected.value().indexOf(' ') + 1);
        if (found.size() == 1 && found.getFirst().matches("\\d+ \\.?")) {
            return verdict(expected, DnsStatus.MISMATCH, expected.name() + " publishes a null MX: it says the domain takes no mail.", found);
        }
        for (String mx : found) {
            if (mx.substring(mx.indexOf(' ') + 1).equals(host)) {
                return verdict(expected, DnsStatus.OK, "Mail for " + expected.name() + " reaches " + host
                        + " (preference " + mx.substring(0, mx.indexOf(' ')) + ").", found);
            }
        }
        return verdict(expected, DnsStatus.MISMATCH, "Mail for " + expected.name() + " goes to "
                + String.join(", ", found.stream().map(m -> m.substring(m.indexOf(' ') + 1)).toList()) + ", not to " + host
                + ". That is fine when replies reach Tidings by IMAP or forwarding; otherwise publish " + expected.value() + ".", found);
    }
}
