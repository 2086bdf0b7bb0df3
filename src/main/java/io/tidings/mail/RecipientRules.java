package io.tidings.mail;

import io.tidings.contacts.ContactsApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may get a mail, as an ordered list of rules. What can be asked for a whole batch at once (which
 * addresses bounced) is asked once per batch, in one statement.
 */
@Component
class RecipientRules {

    private static final String BOUNCED = """
            select address from mail_address_health where address = any(:addresses) and bounced_at is not null""";

    /** What is known about a batch's recipients before the rules run. */
    record BatchFacts(Set<String> bounced) {
    }

    private final JdbcClient jdbc;
    private final List<RecipientRule> rules;

    RecipientRules(JdbcClient jdbc, ContactsApi contacts) {
        this.jdbc = jdbc;
        this.rules = List.of(new NotBouncedRule(), new NotBlockedRule(contacts), new MarketingConsentRule(contacts));
    }

    BatchFacts facts(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return new BatchFacts(Set.of());
        }
        return new BatchFacts(new HashSet<>(jdbc.sql(BOUNCED).param("addresses", addresses.toArray(String[]::new))
                .query(String.class).list()));
    }

    /** The first rule's refusal, or null when the mail may go. */
    String refusal(RecipientRule.Recipient recipient, BatchFacts facts) {
        for (RecipientRule rule : rules) {
            String reason = rule.refuse(recipient, facts);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
