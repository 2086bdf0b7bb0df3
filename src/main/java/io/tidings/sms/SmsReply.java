package io.tidings.sms;

import java.time.Instant;

/** A message a customer sent us; {@code kind} is reply, opt_out, opt_in or help. */
public record SmsReply(long id, Long contactId, String from, String to, String text, String kind,
                       Instant receivedAt) {
}
