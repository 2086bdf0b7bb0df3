package io.tidings.sms.send;

import java.time.Instant;

/** What a rule says about a recipient: go on, leave them out (with why), or hold them until a time. */
record Verdict(Kind kind, String reason, Instant holdUntil) {

    enum Kind { PASS, EXCLUDE, HOLD }

    static final Verdict PASS = new Verdict(Kind.PASS, null, null);

    static Verdict exclude(String reason) {
        return new Verdict(Kind.EXCLUDE, reason, null);
    }

    static Verdict hold(Instant until) {
        return new Verdict(Kind.HOLD, null, until);
    }
}
