package io.tidings.contacts;

/**
 * One reason a contact may not receive marketing on a channel. Each rule is its own small class;
 * {@link MarketingEligibility} asks them in order and the first refusal wins.
 */
interface MarketingRule {

    /** Why not, or null when this rule has no objection. */
    String refuse(MarketingFacts facts);
}
