package io.tidings.sms.send;

/** Without a provider that prices the destination we can neither bill nor send it. */
final class NoRouteRule implements SendRule {

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        return facts.route(c.country()).isPresent() ? Verdict.PASS : Verdict.exclude("no provider for " + c.country());
    }
}
