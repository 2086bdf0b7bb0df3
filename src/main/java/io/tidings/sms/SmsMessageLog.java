package io.tidings.sms;

import java.time.Instant;
import java.util.List;

/** One SMS as the log shows it, with every state it went through (delivery reports included). */
public record SmsMessageLog(long id, String sendId, Long contactId, String to, String country, String text,
                            String encoding, int segments, long priceMicros, String currency, long providerId,
                            String providerMessageId, String state, String error, Instant notBefore,
                            Instant createdAt, Instant sentAt, Instant finalAt, List<Event> events) {

    public record Event(String state, String detail, Instant at) {
    }
}
