package io.tidings.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code --jsonl} mode of {@link SmsCountCommand}: one JSON request a line in, one JSON answer a line out, in
 * order. A line that cannot be counted gets {@code {"error": reason}} and the stream goes on, so one bad row of a
 * campaign export never hides the answers for the others.
 */
final class JsonlCounter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_DETAIL = 160;

    private JsonlCounter() {
    }

    static void run(InputStream in, Writer out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder answer = new StringBuilder(128);
        boolean first = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // a byte order mark from an editor is not part of the JSON
            }
            first = false;
            answer.setLength(0);
            answer(line, answer);
            out.append(answer.append('\n'));
        }
    }

    /** Appends the answer to one input line, without the line break. */
    static void answer(String line, StringBuilder out) {
        if (line.isBlank()) {
            error(out, "empty line");
            return;
        }
        SmsCount count;
        try {
            count = count(MAPPER.readTree(line));
        } catch (JacksonException e) {
            error(out, "malformed JSON: " + firstLine(e.getOriginalMessage()));
            return;
        } catch (IllegalArgumentException e) {
            error(out, e.getMessage());
            return;
        } catch (RuntimeException e) { // a bug must cost one line, not the rest of the stream
            error(out, "cannot count this line: " + e);
            return;
        }
        out.append("{\"encoding\":\"").append(count.encoding().label())
                .append("\",\"segments\":").append(count.segments())
                .append(",\"characters\":").append(count.characters()).append('}');
    }

    private static SmsCount count(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String text = string(request, "text");
        if (text == null) {
            throw new IllegalArgumentException("missing text");
        }
        JsonNode smartNode = request.get("smart");
        boolean smart = false;
        if (smartNode != null && !smartNode.isNull()) {
            if (!smartNode.isBoolean()) {
                throw new IllegalArgumentException("smart must be true or false");
            }
            smart = smartNode.booleanValue();
        }
        String profile = string(request, "profile");
        if (profile == null || profile.equals("intl")) {
            // signature and unsubscribe belong to the cn billing rule; intl counts the text as given.
            return SmsCounter.count(text, smart);
        }
        if (profile.equals("cn")) {
            return CnBilling.count(text, string(request, "signature"), string(request, "unsubscribe"), smart);
        }
        throw new IllegalArgumentException("unknown profile: " + profile + " (expected intl or cn)");
    }

    /** The string field, null when absent or JSON null; anything else is a bad request. */
    private static String string(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.stringValue();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }

    private static void error(StringBuilder out, String reason) {
        out.append("{\"error\":\"");
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        // Lone surrogates would not survive UTF-8; escaping keeps the line valid JSON.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append("\"}");
    }
}
