package io.tidings.mail;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ContactsApi;
import io.tidings.shared.InvalidInputException;

/** The email blocklist holds for every kind of mail, transactional too. */
final class NotBlockedRule implements RecipientRule {

    private final ContactsApi contacts;

    NotBlockedRule(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @Override
    public String refuse(Recipient r, RecipientRules.BatchFacts facts) {
        try {
            return contacts.isBlocked(Channel.EMAIL, r.address()) ? "the address is on the email blocklist" : null;
        } catch (InvalidInputException e) {
            return "'" + r.address() + "' is not a valid email address: " + e.getMessage();
        }
    }
}
