package io.tidings.sms.providers;

import java.time.Instant;

/** A stored provider as it is in the table: config in clear, as JSON text. Never leaves the module. */
record ProviderRow(long id, String kind, String name, String config, boolean enabled, long version,
                   Instant createdAt, Instant updatedAt) {
}
