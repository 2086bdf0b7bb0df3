package io.tidings.sms;

/**
 * A message ready for a provider: destination in E.164, sender (number, short code or alphanumeric),
 * final text (signature and unsubscribe text already applied) and Tidings' own id, which the
 * gateway echoes in its results so they can be matched without trusting the order.
 */
public record OutboundSms(long messageId, String to, String from, String text, boolean smartEncoding) {
}
