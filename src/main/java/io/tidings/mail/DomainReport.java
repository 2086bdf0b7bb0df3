package io.tidings.mail;

import java.time.Instant;
import java.util.List;

/**
 * The mail domain's records to publish and, when DNS was asked, what it said about each.
 *
 * @param domain    the mail domain ({@code tidings.mail.domain})
 * @param selector  the DKIM selector
 * @param records   SPF, DKIM, DMARC and MX, in that order
 * @param checks    one per record in the same order; empty when DNS was not asked
 * @param resolver  which DNS servers were asked
 * @param checkedAt when DNS was asked; null when it was not
 */
public record DomainReport(String domain, String selector, List<DomainRecord> records, List<DnsCheck> checks,
                           String resolver, Instant checkedAt) {

    public DomainReport {
        records = List.copyOf(records);
        checks = List.copyOf(checks);
    }

    public boolean allOk() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == DnsStatus.OK);
    }
}
