package io.tidings.dispatch;

import java.time.Duration;

/** What a channel did with one message of a batch. */
public sealed interface SendResult {

    long messageId();

    /** The provider accepted it; its id is how later delivery reports find the message. */
    record Sent(long messageId, String providerMessageId) implements SendResult {
    }

    /** Worth trying again (timeout, throttling, 5xx); {@code retryAfter} is the provider's hint, or null. */
    record Retry(long messageId, String reason, Duration retryAfter) implements SendResult {
    }

    /** Trying again cannot help (invalid number, rejected content); the message fails now. */
    record Failed(long messageId, String reason) implements SendResult {
    }

    static SendResult sent(QueuedMessage message, String providerMessageId) {
        return new Sent(message.id(), providerMessageId);
    }

    static SendResult retry(QueuedMessage message, String reason) {
        return new Retry(message.id(), reason, null);
    }

    static SendResult retryAfter(QueuedMessage message, String reason, Duration after) {
        return new Retry(message.id(), reason, after);
    }

    static SendResult failed(QueuedMessage message, String reason) {
        return new Failed(message.id(), reason);
    }
}
