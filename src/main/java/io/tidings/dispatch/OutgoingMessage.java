package io.tidings.dispatch;

import io.tidings.shared.InvalidInputException;

import java.time.Instant;

/**
 * A message to enqueue. The idempotency key makes enqueueing safe to repeat: the same key always
 * means the same message, so a caller that crashed after enqueueing can simply enqueue again.
 *
 * @param payload     JSON text the channel understands, such as {@code {"text":"Hi"}}
 * @param maxAttempts how many sends to try before failing; 0 takes {@code tidings.dispatch.max-attempts}
 * @param notBefore   earliest send time, or null for now
 */
public record OutgoingMessage(String channel, String provider, String recipient, String payload, Traffic traffic,
                              String idempotencyKey, int maxAttempts, Instant notBefore) {

    public OutgoingMessage {
        require("channel", channel);
        require("recipient", recipient);
        require("idempotencyKey", idempotencyKey);
        if (idempotencyKey.length() > 200) {
            throw new InvalidInputException("idempotencyKey", "an idempotency key has at most 200 characters");
        }
        if (maxAttempts < 0 || maxAttempts > 100) {
            throw new InvalidInputException("maxAttempts", "max attempts must be between 1 and 100, or 0 for the default");
        }
        payload = payload == null || payload.isBlank() ? "{}" : payload;
        traffic = traffic == null ? Traffic.TRANSACTIONAL : traffic;
    }

    /** A transactional message with the default attempts, to send now. */
    public static OutgoingMessage of(String channel, String recipient, String payload, String idempotencyKey) {
        return new OutgoingMessage(channel, null, recipient, payload, Traffic.TRANSACTIONAL, idempotencyKey, 0, null);
    }

    public OutgoingMessage withProvider(String provider) {
        return new OutgoingMessage(channel, provider, recipient, payload, traffic, idempotencyKey, maxAttempts, notBefore);
    }

    public OutgoingMessage withTraffic(Traffic traffic) {
        return new OutgoingMessage(channel, provider, recipient, payload, traffic, idempotencyKey, maxAttempts, notBefore);
    }

    public OutgoingMessage withMaxAttempts(int maxAttempts) {
        return new OutgoingMessage(channel, provider, recipient, payload, traffic, idempotencyKey, maxAttempts, notBefore);
    }

    public OutgoingMessage notBefore(Instant at) {
        return new OutgoingMessage(channel, provider, recipient, payload, traffic, idempotencyKey, maxAttempts, at);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
    }
}
