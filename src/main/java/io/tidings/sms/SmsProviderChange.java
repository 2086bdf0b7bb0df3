package io.tidings.sms;

import tools.jackson.databind.JsonNode;

/**
 * A partial change to a provider; null fields are left alone. {@code config} is merged key by key:
 * a key with a value replaces it, a key with null removes it, and a secret sent back masked
 * ("••••…", as a list showed it) keeps the stored secret.
 */
public record SmsProviderChange(String name, JsonNode config, Boolean enabled) {
}
