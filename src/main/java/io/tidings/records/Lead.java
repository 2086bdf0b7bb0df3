package io.tidings.records;

import java.time.Instant;
import java.util.List;

/** A lead or opportunity. Expected revenue is in minor units of {@code currency} (cents for EUR). */
public record Lead(long id, String name, Long contactId, LeadStage stage, String salesperson, int priority,
                   Long expectedRevenueMinor, String currency, List<String> tags, Instant createdAt,
                   Instant updatedAt) {
}
