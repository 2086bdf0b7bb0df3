package io.tidings.sms.send;

import io.tidings.contacts.ConsentState;

/**
 * An opted-out contact gets no marketing (seed 000: easy opt-out). Transactional messages (an order
 * confirmation) still go when {@code tidings.sms.transactional-ignores-opt-out} is true.
 */
final class OptOutRule implements SendRule {

    private final boolean transactionalIgnoresOptOut;

    OptOutRule(boolean transactionalIgnoresOptOut) {
        this.transactionalIgnoresOptOut = transactionalIgnoresOptOut;
    }

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        if (c.contact() == null || c.contact().smsConsent() != ConsentState.OPTED_OUT) {
            return Verdict.PASS;
        }
        if (!facts.marketing() && transactionalIgnoresOptOut) {
            return Verdict.PASS;
        }
        return Verdict.exclude("opted out of SMS");
    }
}
