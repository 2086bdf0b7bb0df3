package io.tidings.mail;

/** The email blocklist holds for every kind of mail, transactional too. */
final class NotBlockedRule implements RecipientRule {

    @Override
    public String refuse(Recipient r, RecipientRules.BatchFacts facts) {
        String invalid = facts.blocklist().invalid().get(r.address());
        if (invalid != null) {
            return "'" + r.address() + "' is not a valid email address: " + invalid;
        }
        return facts.blocklist().blocked().contains(r.address()) ? "the address is on the email blocklist" : null;
    }
}
