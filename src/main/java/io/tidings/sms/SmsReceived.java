package io.tidings.sms;

import java.time.Instant;

/**
 * Published once per new inbound SMS of a known contact, after it is stored and acted on (reply, opt-out,
 * opt-in, help), so the contact's thread can show it. A provider retrying its webhook publishes nothing again.
 */
public record SmsReceived(long replyId, long contactId, String from, String text, String kind, Instant receivedAt) {
}
