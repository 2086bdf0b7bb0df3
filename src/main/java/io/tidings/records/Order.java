package io.tidings.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order; {@code totalMinor} is the exact sum of its lines in minor units of {@code currency}. */
public record Order(long id, String number, Long contactId, LocalDate orderDate, OrderState state, String currency,
                    long totalMinor, List<OrderLine> lines, Instant createdAt) {
}
