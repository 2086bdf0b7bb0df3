package io.tidings.sms.send;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ContactsApi;

/** The blocklist overrides everything, transactional traffic included. */
final class BlocklistRule implements SendRule {

    private final ContactsApi contacts;

    BlocklistRule(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        return contacts.isBlocked(Channel.SMS, c.phone().e164()) ? Verdict.exclude("blocklisted") : Verdict.PASS;
    }
}
