package io.tidings.mail;

/**
 * Marketing mail only to contacts who may receive it (not opted out of email, not blocklisted). The
 * contact is the payload's {@code contactId}, else the contact with this address; an address that is
 * no contact has only the blocklist to obey.
 */
final class MarketingConsentRule implements RecipientRule {

    @Override
    public String refuse(Recipient r, RecipientRules.BatchFacts facts) {
        if (!r.marketing()) {
            return null;
        }
        Long contact = r.contactId() != null ? r.contactId() : facts.contactByAddress().get(r.address());
        if (contact == null) {
            return null;
        }
        String reason = facts.marketingRefusals().get(contact);
        return reason == null ? null : "no marketing mail: " + reason;
    }
}
