package io.tidings.credits;

import java.time.Instant;

/** One credit movement: signed changes, in messages, to the available, reserved and frozen buckets. */
public record LedgerEntry(long id, LedgerKind kind, long lotId, String sendId,
                          long available, long reserved, long frozen, Instant at) {
}
