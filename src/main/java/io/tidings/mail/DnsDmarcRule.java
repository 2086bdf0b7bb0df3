package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * DMARC (RFC 7489 section 6.6.3): exactly one record whose first tag is {@code v=DMARC1}, with a valid
 * {@code p=} at least as strict as {@code tidings.mail.dmarc-policy}.
 */
@Component
class DnsDmarcRule implements DnsRule {

    private static final List<String> STRICTNESS = List.of("none", "quarantine", "reject");

    @Override
    public DomainRecord.Kind kind() {
        return DomainRecord.Kind.DMARC;
    }

    @Override
    public String whenMissing(DomainRecord expected) {
        return "No DMARC record at " + expected.name() + ": receivers get no policy and send no reports. Publish "
                + expected.value();
    }

    @Override
    public DnsCheck judge(DomainRecord expected, List<String> found) {
        // receivers discard TXT records that do not begin with v=DMARC1
        List<String> dmarc = found.stream().filter(DnsDmarcRule::startsWithVersion).toList();
        if (dmarc.isEmpty()) {
            boolean misplaced = found.stream().anyMatch(t -> t.toUpperCase(Locale.ROOT).contains("DMARC1"));
            return misplaced
                    ? verdict(expected, DnsStatus.MISMATCH, "The DMARC record must begin with v=DMARC1; receivers ignore it as it is.", found)
                    : verdict(expected, DnsStatus.MISSING, whenMissing(expected), found);
        }
        if (dmarc.size() > 1) {
            return verdict(expected, DnsStatus.MISMATCH, expected.name() + " holds " + dmarc.size()
                    + " DMARC records, so receivers apply none of them. Keep one.", dmarc);
        }
        DnsTags tags = DnsTags.parse(dmarc.getFirst());
        String p = tags.get("p").orElse(null);
        if (p == null) {
            return verdict(expected, DnsStatus.MISMATCH, "The DMARC record has no p= tag, which it requires; receivers ignore it. "
                    + "Add p=" + wanted(expected) + " after v=DMARC1.", dmarc);
        }
        String policy = p.toLowerCase(Locale.ROOT);
        if (!STRICTNESS.contains(policy)) {
            return verdict(expected, DnsStatus.MISMATCH, "The DMARC record says p=" + p + "; it must be none, quarantine or reject.", dmarc);
        }
        if (STRICTNESS.indexOf(policy) < STRICTNESS.indexOf(wanted(expected))) {
            return verdict(expected, DnsStatus.MISMATCH, "The DMARC record says p=" + policy + " but tidings.mail.dmarc-policy asks for p="
                    + wanted(expected) + ".", dmarc);
        }
        String rua = tags.get("rua").map(r -> " Aggregate reports go to " + r + ".").orElse(" It asks for no reports (no rua=).");
        return verdict(expected, DnsStatus.OK, "DMARC asks receivers to " + meaning(policy) + " mail that fails SPF and DKIM." + rua, dmarc);
    }

    private static boolean startsWithVersion(String txt) {
        return DnsTags.parse(txt).first().map(t -> t.name().equals("v") && t.value().equals("DMARC1")).orElse(false);
    }

    private static String wanted(DomainRecord expected) {
        return DnsTags.parse(expected.value()).get("p").orElse("none");
    }

    private static String meaning(String policy) {
        return switch (policy) {
            case "reject" -> "reject";
            case "quarantine" -> "quarantine (spam folder)";
            default -> "only report on";
        };
    }
}
