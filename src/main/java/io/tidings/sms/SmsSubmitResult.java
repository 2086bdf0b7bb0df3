package io.tidings.sms;

import java.time.Duration;

/** What a provider said about one submitted message. */
public sealed interface SmsSubmitResult {

    long messageId();

    /** Taken by the provider; a delivery report will follow under providerMessageId. */
    record Accepted(long messageId, String providerMessageId, int segments) implements SmsSubmitResult {
    }

    /** Not taken now but may be later (throttled, queue full, provider down); retryAfter may be null. */
    record Retry(long messageId, String code, String reason, Duration retryAfter) implements SmsSubmitResult {
    }

    /**
     * Refused for good (invalid number, blocked content). optOut is true when the provider says the
     * recipient has unsubscribed (Twilio 21610), so the number is opted out in Tidings too.
     */
    record Rejected(long messageId, String code, String reason, boolean optOut) implements SmsSubmitResult {
    }
}
