package io.tidings.sms;

import java.time.Instant;

/** A message from a customer's phone: from is the customer (E.164), to is our number or short code. */
public record InboundSms(String gateway, String providerMessageId, String from, String to, String text, Instant at) {
}
