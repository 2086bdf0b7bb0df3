package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SPF, DKIM, DMARC and MX records the mail domain should publish, from the settings and the DKIM key. */
@Component
class DomainRecords {

    /** A DNS character-string holds at most 255 bytes (RFC 1035 section 3.3); longer TXT values are several strings. */
    static final int MAX_STRING = 255;
    private static final long TTL = 3600;

    private final MailSettings mail;
    private final DnsSettings dns;
    private final DkimKeys keys;

    DomainRecords(MailSettings mail, DnsSettings dns, DkimKeys keys) {
        this.mail = mail;
        this.dns = dns;
        this.keys = keys;
    }

    List<DomainRecord> expected() {
        String domain = mail.domain();
        DkimKeys.DkimKey key = keys.key(domain, mail.dkimSelector());
        return List.of(
                txt(DomainRecord.Kind.SPF, domain, spf()),
                txt(DomainRecord.Kind.DKIM, key.dnsName(), key.txtRecord()),
                txt(DomainRecord.Kind.DMARC, "_dmarc." + domain, dmarc()),
                new DomainRecord(DomainRecord.Kind.MX, domain, "MX", "10 " + mxHost(), List.of("10 " + mxHost()),
                        domain + ". " + TTL + " IN MX 10 " + mxHost() + "."));
    }

    String spf() {
        return "v=spf1 " + String.join(" ", dns.spfMechanisms()) + " ~all";
    }

    String dmarc() {
        String rua = dns.dmarcRua().isEmpty() ? "mailto:dmarc@" + mail.domain() : dns.dmarcRua();
        return "v=DMARC1; p=" + dns.dmarcPolicy() + "; rua=" + rua;
    }

    String mxHost() {
        return dns.mxHost().isEmpty() ? mail.domain() : dns.mxHost();
    }

    static DomainRecord txt(DomainRecord.Kind kind, String name, String value) {
        List<String> strings = split(value);
        StringBuilder zone = new StringBuilder(name).append(". ").append(TTL).append(" IN TXT ");
        if (strings.size() == 1) {
            zone.append(quoted(strings.getFirst()));
        } else {
            zone.append("(");
            for (String s : strings) {
                zone.append("\n    ").append(quoted(s));
            }
            zone.append(" )");
        }
        return new DomainRecord(kind, name, "TXT", value, strings, zone.toString());
    }

    /** Cuts on byte counts, never inside a UTF-8 sequence (our values are ASCII, a configured rua may not be). */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_STRING) {
                out.add(current.toString());
                current.setLength(0);
                bytes = 0;
            }
            current.append(ch);
            bytes += n;
            i += ch.length();
        }
        if (!current.isEmpty() || out.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
