package io.tidings.api;

import io.tidings.contacts.ContactPatch;
import io.tidings.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A merge-patch body to a {@link ContactPatch}. A JSON body tells "absent" from "null", which a
 * record cannot, so the body is read as a tree. Read-only fields (id, timestamps, consent) are ignored.
 */
final class MergePatch {

    private static final List<String> TEXT_FIELDS = List.of("name", "email", "phone", "country", "timezone",
            "language", "company");

    private MergePatch() {
    }

    static ContactPatch toContactPatch(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("a merge patch is a JSON object");
        }
        Set<String> clear = new HashSet<>();
        Map<String, String> text = new LinkedHashMap<>();
        for (String field : TEXT_FIELDS) {
            JsonNode v = body.get(field);
            if (v == null) {
                continue;
            }
            if (v.isNull()) {
                clear.add(field);
            } else if (v.isString()) {
                text.put(field, v.asString());
            } else {
                throw new InvalidInputException(field, field + " must be a string or null");
            }
        }
        List<String> tags = null;
        JsonNode t = body.get("tags");
        if (t != null) {
            if (t.isNull()) {
                clear.add("tags");
            } else if (t.isArray()) {
                tags = new ArrayList<>();
                for (JsonNode tag : t) {
                    if (!tag.isString()) {
                        throw new InvalidInputException("tags", "tags must be strings");
                    }
                    tags.add(tag.asString());
                }
            } else {
                throw new InvalidInputException("tags", "tags must be an array of strings or null");
            }
        }
        Map<String, Object> custom = null;
        JsonNode c = body.get("customFields");
        if (c != null) {
            if (c.isNull()) {
                clear.add("customFields");
            } else if (c.isObject()) {
                custom = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : c.properties()) {
                    custom.put(e.getKey(), e.getValue().isNull() ? null : Json.plain(e.getValue()));
                }
            } else {
                throw new InvalidInputException("customFields", "customFields must be an object or null");
            }
        }
        return new ContactPatch(text.get("name"), text.get("email"), text.get("phone"), text.get("country"),
                text.get("timezone"), text.get("language"), text.get("company"), tags, custom, clear);
    }
}
