package io.tidings.dispatch;

import java.time.Instant;

/** One step of a message's history: the state it entered, when, and why. */
public record DispatchEvent(long messageId, MessageState state, Instant at, String detail) {
}
