package io.tidings.sms.send;

/** A number that does not parse or is not a valid number anywhere cannot be sent to. */
final class InvalidNumberRule implements SendRule {

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        if (c.phone() == null) {
            return Verdict.exclude("invalid" + (c.invalid() == null ? "" : ": " + c.invalid()));
        }
        return Verdict.PASS;
    }
}
