package io.tidings.sms.send;

import io.tidings.contacts.ContactsApi;
import org.springframework.stereotype.Component;

import java.util.List;

/** The eligibility rules in the order they are asked: the first that does not pass decides. */
@Component
class SendRules {

    private final List<SendRule> rules;
    private final BlocklistRule blocklist;

    SendRules(ContactsApi contacts, SendSettings settings) {
        this.blocklist = new BlocklistRule(contacts);
        this.rules = List.of(new InvalidNumberRule(), new MobileOnlyRule(), blocklist,
                new OptOutRule(settings.transactionalIgnoresOptOut()), new NoRouteRule(),
                new QuietHoursRule(settings.windowStart(), settings.windowEnd()));
    }

    /** See {@link BlocklistRule#snapshot}: what {@link SendFacts#blocklist} holds for a send this large. */
    java.util.Set<String> blocklistFor(int candidates) {
        return blocklist.snapshot(candidates);
    }

    Verdict check(Candidate candidate, SendFacts facts) {
        for (SendRule rule : rules) {
            Verdict v = rule.check(candidate, facts);
            if (v.kind() != Verdict.Kind.PASS) {
                return v;
            }
        }
        return Verdict.PASS;
    }
}
