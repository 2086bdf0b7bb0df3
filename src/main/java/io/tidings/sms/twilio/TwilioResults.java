package io.tidings.sms.twilio;

import io.tidings.sms.SmsSubmitResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What Twilio's answer to a Messages.json POST means for one message. Success is 201 with
 * {@code sid}, {@code status}, {@code num_segments}; an error is 4xx/5xx with {@code code}, {@code message},
 * {@code status} (https://www.twilio.com/docs/api/errors).
 */
final class TwilioResults {

    static final int TOO_MANY_REQUESTS = 20429;
    /** The recipient replied STOP: Twilio will not send to them until they reply START. */
    static final int UNSUBSCRIBED = 21610;
    /** 21211 invalid 'To' number, 21614 'To' is not a mobile number. */
    static final Set<Integer> INVALID_NUMBER = Set.of(21211, 21614);

    private static final JsonMapper JSON = JsonMapper.shared();

    private TwilioResults() {
    }

    static SmsSubmitResult of(long messageId, int httpStatus, String retryAfter, String body, int countedSegments, Instant now) {
        JsonNode json = parse(body);
        if (httpStatus >= 200 && httpStatus < 300) {
            String sid = text(json, "sid");
            if (sid == null) {
                return new SmsSubmitResult.Retry(messageId, "NO_SID", "Twilio answered " + httpStatus + " without a sid", null);
            }
            int segments = integer(json, "num_segments");
            // a message queued behind a Messaging Service may report 0 segments until it is sent
            return new SmsSubmitResult.Accepted(messageId, sid, segments > 0 ? segments : countedSegments);
        }
        int code = integer(json, "code");
        String message = text(json, "message");
        String reason = message != null ? message : "Twilio answered HTTP " + httpStatus;
        String codeText = code > 0 ? Integer.toString(code) : "HTTP_" + httpStatus;
        if (httpStatus == 429 || code == TOO_MANY_REQUESTS) {
            return new SmsSubmitResult.Retry(messageId, codeText, reason, retryAfter(retryAfter, now));
        }
        if (httpStatus >= 500) {
            return new SmsSubmitResult.Retry(messageId, codeText, reason, retryAfter(retryAfter, now));
        }
        if (code == UNSUBSCRIBED) {
            return new SmsSubmitResult.Rejected(messageId, codeText, reason, true);
        }
        if (httpStatus >= 400) {
            // INVALID_NUMBER and every other client error: sending the same request again cannot succeed
            return new SmsSubmitResult.Rejected(messageId, codeText, reason, false);
        }
        return new SmsSubmitResult.Retry(messageId, codeText, "unexpected HTTP " + httpStatus + " from Twilio", null);
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json == null ? null : json.get(field);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        String s = v.isString() ? v.stringValue() : v.asString();
        return s.isBlank() ? null : s;
    }

    /** Twilio sends num_segments as a string and code as a number; both are read either way. */
    private static int integer(JsonNode json, String field) {
        String s = text(json, field);
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
