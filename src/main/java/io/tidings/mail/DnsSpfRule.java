package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SPF (RFC 7208): exactly one {@code v=spf1} record, holding every mechanism our senders need with a pass
 * qualifier and not ending in {@code +all}. Mechanisms are compared as terms; includes are not followed.
 */
@Component
class DnsSpfRule implements DnsRule {

    @Override
    public DomainRecord.Kind kind() {
        return DomainRecord.Kind.SPF;
    }

    @Override
    public String whenMissing(DomainRecord expected) {
        return "No SPF record at " + expected.name() + ": receivers cannot tell that Tidings may send for it. Publish "
                + expected.value();
    }

    @Override
    public DnsCheck judge(DomainRecord expected, List<String> found) {
        List<String> spf = found.stream().filter(DnsSpfRule::isSpf).toList();
        if (spf.isEmpty()) {
            return verdict(expected, DnsStatus.MISSING, whenMissing(expected), found);
        }
        if (spf.size() > 1) {
            return verdict(expected, DnsStatus.MISMATCH, expected.name() + " publishes " + spf.size()
                    + " SPF records. RFC 7208 makes that a permanent error, so SPF fails for every message. "
                    + "Merge them into one record.", spf);
        }
        List<String> terms = terms(spf.getFirst());
        if (terms.contains("all")) {
            return verdict(expected, DnsStatus.MISMATCH, "The SPF record ends in +all, which lets anyone send mail as "
                    + expected.name() + ". Use ~all or -all.", spf);
        }
        List<String> needed = terms(expected.value()).stream().filter(t -> !t.endsWith("all")).toList();
        List<String> lacking = needed.stream().filter(t -> !terms.contains(t)).toList();
        if (!lacking.isEmpty()) {
            return verdict(expected, DnsStatus.MISMATCH, "The SPF record lacks " + String.join(" ", lacking)
                    + ", so mail Tidings sends may fail SPF. Add " + (lacking.size() == 1 ? "it" : "them")
                    + " before the all, for example: " + expected.value()
                    + (terms.stream().anyMatch(t -> t.startsWith("redirect=") || t.startsWith("include:"))
                    ? " (an include or redirect may already cover Tidings; this check does not follow them)" : ""), spf);
        }
        return verdict(expected, DnsStatus.OK, "SPF lets Tidings send for " + expected.name() + " ("
                + String.join(" ", needed) + ").", spf);
    }

    static boolean isSpf(String txt) {
        String t = txt.strip().toLowerCase(Locale.ROOT);
        return t.equals("v=spf1") || t.startsWith("v=spf1 ");
    }

    /** Lower-case terms after the version, with the default "+" qualifier dropped so "+mx" equals "mx". */
    private static List<String> terms(String record) {
        return Arrays.stream(record.strip().toLowerCase(Locale.ROOT).split("\\s+")).skip(1)
                .map(t -> t.startsWith("+") ? t.substring(1) : t).toList();
    }
}
