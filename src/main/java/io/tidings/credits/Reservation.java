package io.tidings.credits;

import java.time.Instant;

/**
 * The credits held for one send. {@code charged} is what the send cost (never more than
 * {@code messages}); {@code frozenUntil} is set while a send that reached no one waits for its refund.
 */
public record Reservation(String sendId, String account, long messages, ReservationState state, long charged,
                          Instant reservedAt, Instant settledAt, Instant frozenUntil, Instant returnedAt) {
}
