package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks DNS for every expected record at once and judges each answer by its {@link DnsRule}. Nothing here
 * throws at the user: a failed lookup, or a judgement that trips over odd data, is a status with a sentence.
 */
@Component
class DomainCheck {

    private final DomainRecords records;
    private final DnsLookup lookup;
    private final Map<DomainRecord.Kind, DnsRule> rules = new EnumMap<>(DomainRecord.Kind.class);

    DomainCheck(DomainRecords records, DnsLookup lookup, List<DnsRule> rules) {
        this.records = records;
        this.lookup = lookup;
        rules.forEach(r -> this.rules.put(r.kind(), r));
    }

    DomainReport report(String domain, String selector, boolean live) {
        List<DomainRecord> expected = records.expected();
        if (!live) {
            return new DomainReport(domain, selector, expected, List.of(), lookup.description(), null);
        }
        Instant asked = Instant.now(Clock.systemUTC());
        List<CompletableFuture<DnsCheck>> pending = new ArrayList<>();
        for (DomainRecord r : expected) {
            var answer = r.type().equals("MX") ? lookup.mx(r.name()) : lookup.txt(r.name());
            pending.add(answer.thenApply(a -> judge(r, a)));
        }
        List<DnsCheck> checks = pending.stream().map(CompletableFuture::join).toList();
        return new DomainReport(domain, selector, expected, checks, lookup.description(), asked);
    }

    private DnsCheck judge(DomainRecord expected, DnsLookup.DnsAnswer answer) {
        DnsRule rule = rules.get(expected.kind());
        try {
            return switch (answer.kind()) {
                case UNREACHABLE -> rule.verdict(expected, DnsStatus.UNREACHABLE, answer.problem() + " Try again later.", List.of());
                case NO_SUCH_NAME -> rule.verdict(expected, DnsStatus.MISSING, expected.name() + " does not exist in DNS. "
                        + rule.whenMissing(expected), List.of());
                case NO_DATA -> rule.verdict(expected, DnsStatus.MISSING, rule.whenMissing(expected), List.of());
                case FOUND -> rule.judge(expected, answer.values());
            };
        } catch (RuntimeException e) {
            return rule.verdict(expected, DnsStatus.MISMATCH, "DNS answered with something Tidings could not read ("
                    + e.getMessage() + ").", answer.values());
        }
    }
}
