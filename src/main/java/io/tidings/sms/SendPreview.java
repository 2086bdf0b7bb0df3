package io.tidings.sms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a send will cost and to whom it goes, before anything is reserved. {@code credits} is exactly
 * what {@link SmsApi#send} reserves: billing units (intl segments, cn messages) of every eligible and
 * held recipient. Provider costs are exact per currency. Excluded recipients are never billed.
 */
public record SendPreview(int recipients, int eligible, long credits, List<Cost> costs, List<CountryLine> byCountry,
                          List<SegmentLine> bySegments, List<Held> held, List<Excluded> excluded) {

    /** {@code micros} millionths of {@code currency}; {@code amount} the same as a decimal. */
    public record Cost(String currency, long micros, BigDecimal amount) {
        public static Cost of(String currency, long micros) {
            return new Cost(currency, micros, BigDecimal.valueOf(micros, 6));
        }
    }

    public record CountryLine(String country, int messages, long credits, List<Cost> costs) {
    }

    public record SegmentLine(int segments, int messages) {
    }

    /** A marketing recipient outside the send window: queued, goes out at {@code at}. */
    public record Held(Long contactId, String to, Instant at) {
    }

    public record Excluded(Long contactId, String to, String reason) {
    }
}
