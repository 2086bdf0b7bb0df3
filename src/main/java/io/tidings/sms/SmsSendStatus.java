package io.tidings.sms;

import java.time.Instant;
import java.util.Map;

/**
 * A send as it stands. {@code state} is queuing (a large send while its later chunks are still being queued),
 * sending, settled or frozen (submitted but none delivered: credits frozen, seed 001); {@code messages} counts its
 * messages by state (queued, held, sent, delivered, failed, rejected, cancelled), each present. {@code note} says
 * what went wrong with queuing, when something did (null otherwise).
 */
public record SmsSendStatus(String id, String traffic, String profile, boolean test, String state,
                            String createdBy, Instant createdAt, int recipients, int eligible, int held,
                            int excluded, long credits, Map<String, Long> messages, Integer submitted,
                            Integer succeeded, Long billed, Instant settledAt, String note) {
}
