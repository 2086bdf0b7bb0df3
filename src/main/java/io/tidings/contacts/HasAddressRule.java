package io.tidings.contacts;

/** No email, no e-mail marketing; no phone, no SMS. */
final class HasAddressRule implements MarketingRule {

    @Override
    public String refuse(MarketingFacts facts) {
        return facts.address() == null ? "the contact has no " + (facts.channel() == Channel.EMAIL ? "email" : "phone") : null;
    }
}
