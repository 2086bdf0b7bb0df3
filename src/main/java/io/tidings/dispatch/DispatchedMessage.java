package io.tidings.dispatch;

import java.time.Instant;

/** A message as the queue sees it now. */
public record DispatchedMessage(long id, String channel, String provider, String recipient, String payload,
                                Traffic traffic, MessageState state, int attempts, int maxAttempts,
                                Instant nextAttemptAt, String leaseOwner, String idempotencyKey,
                                String providerMessageId, String lastError, Instant createdAt,
                                Instant updatedAt, Instant sentAt) {
}
