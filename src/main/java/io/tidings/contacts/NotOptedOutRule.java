package io.tidings.contacts;

/** An opt-out is absolute: no campaign, segment or override sends to it. */
final class NotOptedOutRule implements MarketingRule {

    @Override
    public String refuse(MarketingFacts facts) {
        return facts.consent() == ConsentState.OPTED_OUT ? "the contact opted out of " + facts.channel().key() : null;
    }
}
