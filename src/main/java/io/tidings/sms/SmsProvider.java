package io.tidings.sms;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A configured SMS provider as the API shows it: secrets in {@code config} are masked
 * ("••••" and the last four characters), never returned in clear.
 */
public record SmsProvider(long id, String kind, String name, JsonNode config, boolean enabled,
                          Instant createdAt, Instant updatedAt) {
}
