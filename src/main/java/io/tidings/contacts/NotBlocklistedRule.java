package io.tidings.contacts;

/** The blocklist holds addresses, not contacts: it applies whoever the address belongs to now. */
final class NotBlocklistedRule implements MarketingRule {

    @Override
    public String refuse(MarketingFacts facts) {
        return facts.blocked() ? facts.address() + " is on the " + facts.channel().key() + " blocklist" : null;
    }
}
