package io.tidings.credits;

import java.time.Instant;

/** One top-up: what was bought and paid, what is left, and until when it may be used. */
public record Lot(long id, String reference, long messages, long remaining, PriceTier tier,
                  int unitPriceTenthFen, long priceFen, String currency, Instant purchasedAt, Instant expiresAt) {
}
