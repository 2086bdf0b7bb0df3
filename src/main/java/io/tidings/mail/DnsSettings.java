package io.tidings.mail;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the domain's DNS should say and how Tidings looks it up, from {@code tidings.mail.*} (see {@link DnsConfig}).
 *
 * @param spfMechanisms  SPF mechanisms our senders need ({@code a mx}, {@code include:_spf.relay.example}, {@code ip4:203.0.113.7})
 * @param dmarcPolicy    the DMARC policy we suggest: none, quarantine or reject
 * @param dmarcRua       where DMARC aggregate reports go, a mailto: URI ({@code mailto:dmarc@<domain>} when empty)
 * @param mxHost         the host that receives the domain's mail (the domain itself when empty)
 * @param resolvers      DNS servers to ask, {@code host} or {@code host:port}; empty asks the system's resolvers
 * @param timeout        how long one DNS question may take before the record counts as unreachable
 */
public record DnsSettings(List<String> spfMechanisms, String dmarcPolicy, String dmarcRua, String mxHost,
                          List<String> resolvers, Duration timeout) {

    static final Set<String> DMARC_POLICIES = Set.of("none", "quarantine", "reject");

    public DnsSettings {
        spfMechanisms = spfMechanisms == null || spfMechanisms.isEmpty() ? List.of("a", "mx") : List.copyOf(spfMechanisms);
        for (String m : spfMechanisms) {
            if (!m.matches("[+?~-]?[A-Za-z0-9][!-~]*") || m.toLowerCase(Locale.ROOT).matches("[+?~-]?(all|v=spf1)")) {
                throw new IllegalArgumentException("tidings.mail.spf-include: '" + m
                        + "' is not an SPF mechanism such as a, mx, include:_spf.example.net or ip4:203.0.113.7");
            }
        }
        dmarcPolicy = dmarcPolicy == null || dmarcPolicy.isBlank() ? "none" : dmarcPolicy.trim().toLowerCase(Locale.ROOT);
        if (!DMARC_POLICIES.contains(dmarcPolicy)) {
            throw new IllegalArgumentException("tidings.mail.dmarc-policy: '" + dmarcPolicy + "' is not none, quarantine or reject");
        }
        dmarcRua = dmarcRua == null ? "" : dmarcRua.trim();
        if (!dmarcRua.isEmpty() && !dmarcRua.regionMatches(true, 0, "mailto:", 0, 7)) {
            dmarcRua = "mailto:" + dmarcRua; // people write the address; DMARC wants a URI
        }
        mxHost = mxHost == null ? "" : stripDot(mxHost.trim().toLowerCase(Locale.ROOT));
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("tidings.mail.dns-timeout must be positive");
        }
    }

    static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
