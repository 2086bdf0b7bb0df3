package io.tidings.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON trees to plain Java values (maps, lists, strings, numbers, booleans). */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static Object plain(JsonNode node) {
        return MAPPER.treeToValue(node, Object.class);
    }
}
