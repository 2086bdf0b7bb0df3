package io.tidings.mail;

import io.tidings.contacts.Channel;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;

import java.util.Optional;

/**
 * Marketing mail only to contacts who may receive it (not opted out of email, not blocklisted). The
 * contact is the payload's {@code contactId}, else the contact with this address; an address that is
 * no contact has only the blocklist to obey.
 */
final class MarketingConsentRule implements RecipientRule {

    private final ContactsApi contacts;

    MarketingConsentRule(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @Override
    public String refuse(Recipient r, RecipientRules.BatchFacts facts) {
        if (!r.marketing()) {
            return null;
        }
        Optional<Long> contact = r.contactId() != null ? Optional.of(r.contactId()) : byAddress(r.address());
        return contact.flatMap(id -> contacts.marketingRefusal(id, Channel.EMAIL))
                .map(reason -> "no marketing mail: " + reason).orElse(null);
    }

    private Optional<Long> byAddress(String address) {
        return contacts.search(new ContactQuery(address, null, null, 10)).items().stream()
                .filter(c -> address.equalsIgnoreCase(c.email())).map(Contact::id).findFirst();
    }
}
