package io.tidings.sms.providers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * How secrets in a provider's config are shown and changed. A list shows "••••" and the last four
 * characters, enough to tell two tokens apart; secrets of eight characters or fewer show no tail, since
 * four characters would be half of them. A change that sends a masked value back keeps the stored secret,
 * so a client may round-trip what it read.
 */
final class Secrets {

    static final String MASK = "••••";

    private Secrets() {
    }

    static ObjectNode mask(ObjectNode config, Set<String> secretKeys) {
        ObjectNode masked = config.deepCopy();
        for (String key : secretKeys) {
            JsonNode value = masked.get(key);
            if (value != null && !value.isNull()) {
                String text = value.isString() ? value.stringValue() : value.toString();
                masked.put(key, text.length() > 8 ? MASK + text.substring(text.length() - 4) : MASK);
            }
        }
        return masked;
    }

    /** The stored config with {@code patch} applied: values replace, nulls remove, masked secrets are ignored. */
    static ObjectNode merge(ObjectNode stored, JsonNode patch, Set<String> secretKeys) {
        ObjectNode merged = stored.deepCopy();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                merged.remove(key);
            } else if (secretKeys.contains(key) && value.isString() && value.stringValue().startsWith(MASK)) {
                continue;
            } else {
                merged.set(key, value);
            }
        }
        return merged;
    }
}
