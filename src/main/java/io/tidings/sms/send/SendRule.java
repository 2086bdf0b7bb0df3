package io.tidings.sms.send;

/** One eligibility rule of a send; {@link SendRules} asks them in order and the first non-pass decides. */
interface SendRule {

    Verdict check(Candidate candidate, SendFacts facts);
}
