package io.tidings.mail;

/** How one published record compares with what Tidings needs. */
public enum DnsStatus {
    /** Found and it says what Tidings needs. */
    OK,
    /** The name does not exist, or holds no record of this kind. */
    MISSING,
    /** A record is there but says something else, or breaks its RFC (two SPF records, a DMARC record without p=). */
    MISMATCH,
    /** DNS did not answer in time or failed (timeout, SERVFAIL): nothing is known yet. */
    UNREACHABLE
}
