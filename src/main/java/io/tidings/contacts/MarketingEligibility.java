package io.tidings.contacts;

import java.util.List;
import java.util.Optional;

/** The ordered marketing rules. Quiet hours and sending limits belong to the senders, not here. */
final class MarketingEligibility {

    private static final List<MarketingRule> RULES = List.of(
            new HasAddressRule(), new NotOptedOutRule(), new NotBlocklistedRule());

    private MarketingEligibility() {
    }

    static Optional<String> refusal(MarketingFacts facts) {
        for (MarketingRule rule : RULES) {
            String reason = rule.refuse(facts);
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
