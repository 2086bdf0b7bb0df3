package io.tidings.contacts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial update with merge semantics. A null field is left as it is; a field named in
 * {@code clear} is emptied. {@code customFields} merges key by key, and a key mapped to null is
 * removed (as in JSON Merge Patch, RFC 7396). {@code tags}, when given, replaces the tags.
 *
 * <p>Field names for {@code clear}: name, email, phone, country, timezone, language, company, tags,
 * customFields.
 */
public record ContactPatch(String name, String email, String phone, String country, String timezone,
                           String language, String company, List<String> tags, Map<String, Object> customFields,
                           Set<String> clear) {

    public ContactPatch {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }

    public boolean clears(String field) {
        return clear.contains(field);
    }
}
