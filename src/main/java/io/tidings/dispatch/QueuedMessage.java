package io.tidings.dispatch;

/** A message a channel is asked to send now; {@code attempt} counts from 1. */
public record QueuedMessage(long id, String channel, String provider, String recipient, String payload,
                            Traffic traffic, String idempotencyKey, int attempt, int maxAttempts) {
}
