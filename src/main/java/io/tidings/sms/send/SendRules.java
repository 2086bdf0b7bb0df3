package io.tidings.sms.send;

import io.tidings.contacts.ContactsApi;
import org.springframework.stereotype.Component;

import java.util.List;

/** The eligibility rules in the order they are asked: the first that does not pass decides. */
@Component
class SendRules {

    private final List<SendRule> rules;

    SendRules(ContactsApi contacts, SendSettings settings) {
        this.rules = List.of(new InvalidNumberRule(), new MobileOnlyRule(), new BlocklistRule(contacts),
                new OptOutRule(settings.transactionalIgnoresOptOut()), new NoRouteRule(),
                new QuietHoursRule(settings.windowStart(), settings.windowEnd()));
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
