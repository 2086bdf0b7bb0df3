package io.tidings.mail;

/** An address that bounced gets no mail of any kind until an operator clears it (see {@link AddressHealth}). */
final class NotBouncedRule implements RecipientRule {

    @Override
    public String refuse(Recipient r, RecipientRules.BatchFacts facts) {
        return facts.bounced().contains(r.address()) ? "the address bounced; clear it before mailing it again" : null;
    }
}
