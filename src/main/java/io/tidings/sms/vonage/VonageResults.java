package io.tidings.sms.vonage;

import io.tidings.sms.SmsSubmitResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What Vonage's answer to {@code POST /sms/json} means for one message. The HTTP status is 200 even for
 * refused messages: the verdict is {@code status} of each entry of {@code messages[]}, one per part of a
 * long message ("0" success, "1" throttled, "5" internal error, others refused; see the SMS API's
 * response codes). {@code message-count} is the number of parts, which Vonage bills.
 */
final class VonageResults {

    /** Throttled and internal error: the same request may succeed later. */
    private static final List<String> RETRYABLE = List.of("1", "5");
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The result, and the provider id of every part when accepted (first part first). */
    record Outcome(SmsSubmitResult result, List<String> partIds) {
    }

    private VonageResults() {
    }

    static Outcome of(long messageId, int httpStatus, String body, int countedSegments) {
        if (httpStatus == 429 || httpStatus >= 500) {
            return retry(messageId, "HTTP_" + httpStatus, "Vonage answered HTTP " + httpStatus);
        }
        if (httpStatus < 200 || httpStatus >= 300) {
            return new Outcome(new SmsSubmitResult.Rejected(messageId, "HTTP_" + httpStatus,
                    "Vonage answered HTTP " + httpStatus, false), List.of());
        }
        JsonNode messages = parse(body).path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return retry(messageId, "BAD_RESPONSE", "Vonage's answer has no messages");
        }
        List<String> accepted = new ArrayList<>();
        JsonNode refused = null;
        for (JsonNode part : messages) {
            if ("0".equals(text(part, "status")) && text(part, "message-id") != null) {
                accepted.add(text(part, "message-id"));
            } else if (refused == null) {
                refused = part;
            }
        }
        if (refused == null) {
            int count = integer(parse(body), "message-count", accepted.size());
            return new Outcome(new SmsSubmitResult.Accepted(messageId, accepted.getFirst(),
                    count > 0 ? count : countedSegments), List.copyOf(accepted));
        }
        String code = text(refused, "status") == null ? "UNKNOWN" : text(refused, "status");
        String reason = text(refused, "error-text") == null ? "Vonage status " + code : text(refused, "error-text");
        if (!accepted.isEmpty()) {
            // some parts went out and are billed: retrying would send them twice, so this is final
            return new Outcome(new SmsSubmitResult.Rejected(messageId, code, "only " + accepted.size() + " of "
                    + messages.size() + " parts were accepted: " + reason, false), List.of());
        }
        if (RETRYABLE.contains(code)) {
            return retry(messageId, code, reason);
        }
        return new Outcome(new SmsSubmitResult.Rejected(messageId, code, reason, false), List.of());
    }

    private static Outcome retry(long messageId, String code, String reason) {
        return new Outcome(new SmsSubmitResult.Retry(messageId, code, reason, null), List.of());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = body == null ? null : JSON.readTree(body);
            return n == null ? JSON.missingNode() : n;
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        String s = v.isString() ? v.stringValue() : v.asString();
        return s.isBlank() ? null : s.strip();
    }

    private static int integer(JsonNode json, String field, int fallback) {
        String s = text(json, field);
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
