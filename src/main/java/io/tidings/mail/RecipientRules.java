package io.tidings.mail;

import io.tidings.contacts.BlocklistCheck;
import io.tidings.contacts.Channel;
import io.tidings.contacts.ContactsApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may get a mail, as an ordered list of rules. Everything the rules look at is asked once per batch,
 * set-based: one statement for the bounced addresses, one for the blocklist, and for marketing mail one
 * for the contacts found by address (only when some have no {@code contactId}) and one for their consent.
 * A campaign batch of 500 costs four queries, not 1,500.
 */
@Component
class RecipientRules {

    private static final String BOUNCED = """
            select address from mail_address_health where address = any(:addresses) and bounced_at is not null""";

    /**
     * What is known about a batch's recipients before the rules run.
     *
     * @param bounced            lowercase addresses that bounced
     * @param blocklist          the email blocklist's answer for the batch's addresses
     * @param contactByAddress   lowercase address to contact id, for marketing mail without a {@code contactId}
     * @param marketingRefusals  contact id to why it may not get marketing mail; absent when it may
     */
    record BatchFacts(Set<String> bounced, BlocklistCheck blocklist, Map<String, Long> contactByAddress,
                      Map<Long, String> marketingRefusals) {

        static final BatchFacts NONE = new BatchFacts(Set.of(), new BlocklistCheck(Set.of(), Map.of()), Map.of(), Map.of());
    }

    private final JdbcClient jdbc;
    private final ContactsApi contacts;
    private final List<RecipientRule> rules = List.of(new NotBouncedRule(), new NotBlockedRule(), new MarketingConsentRule());

    RecipientRules(JdbcClient jdbc, ContactsApi contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    BatchFacts facts(Collection<RecipientRule.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return BatchFacts.NONE;
        }
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> marketingWithoutContact = new HashSet<>();
        Set<Long> marketingContacts = new HashSet<>();
        for (RecipientRule.Recipient r : recipients) {
            addresses.add(r.address());
            if (r.marketing()) {
                if (r.contactId() != null) {
                    marketingContacts.add(r.contactId());
                } else {
                    marketingWithoutContact.add(r.address());
                }
            }
        }
        Set<String> bounced = new HashSet<>(jdbc.sql(BOUNCED).param("addresses", addresses.toArray(String[]::new))
                .query(String.class).list());
        BlocklistCheck blocklist = contacts.checkBlocklist(Channel.EMAIL, addresses);
        Map<String, Long> byAddress = marketingWithoutContact.isEmpty() ? Map.of()
                : contacts.contactIdsByEmail(marketingWithoutContact);
        marketingContacts.addAll(byAddress.values());
        Map<Long, String> refusals = marketingContacts.isEmpty() ? Map.of()
                : contacts.marketingRefusals(marketingContacts, Channel.EMAIL);
        return new BatchFacts(bounced, blocklist, new HashMap<>(byAddress), refusals);
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
