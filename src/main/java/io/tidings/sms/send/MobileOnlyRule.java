package io.tidings.sms.send;

import java.util.Set;

/**
 * Landlines, toll-free and premium numbers cannot take SMS; billing them would waste credits (seed 000:
 * clean the list). Where a country's plan cannot tell (fixed_line_or_mobile, as in the US) we try.
 */
final class MobileOnlyRule implements SendRule {

    static final Set<String> NOT_MOBILE = Set.of("fixed_line", "toll_free", "premium_rate", "shared_cost", "uan",
            "voicemail", "pager");

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        String type = c.phone().type();
        return type != null && NOT_MOBILE.contains(type) ? Verdict.exclude("not a mobile number") : Verdict.PASS;
    }
}
