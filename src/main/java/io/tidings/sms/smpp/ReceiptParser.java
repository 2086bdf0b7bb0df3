package io.tidings.sms.smpp;

import io.tidings.sms.DeliveryReport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SMPP 3.4 delivery receipt (appendix B: {@code id:… sub:… dlvrd:… submit date:… done date:… stat:… err:…
 * text:…}). SMSCs differ: fields come in any order, {@code Text:} is capitalised by some, the text field is often
 * cut, and newer ones also send receipted_message_id and message_state TLVs. The TLVs win when present because
 * they are the machine-readable form and carry the id exactly as submit_sm_resp gave it (some SMSCs print the text
 * id in decimal but answered in hex).
 */
final class ReceiptParser {

    /** What a receipt says about one submitted part. */
    record Receipt(String messageId, String stat, String error, DeliveryReport.Status status) {
    }

    /** A receipt that cannot be used; the message says why and quotes the input. */
    static final class MalformedReceiptException extends Exception {
        MalformedReceiptException(String message) {
            super(message);
        }
    }

    // A key starts the text or follows whitespace; "submit date" must be tried before nothing shorter matches it.
    private static final Pattern KEY = Pattern.compile(
            "(?:^|(?<=\\s))(id|sub|dlvrd|submit date|done date|stat|err|text):", Pattern.CASE_INSENSITIVE);

    private static final Map<String, DeliveryReport.Status> STATS = Map.ofEntries(
            Map.entry("DELIVRD", DeliveryReport.Status.DELIVERED),
            Map.entry("DELIVERED", DeliveryReport.Status.DELIVERED),
            Map.entry("EXPIRED", DeliveryReport.Status.FAILED),
            Map.entry("DELETED", DeliveryReport.Status.FAILED),
            Map.entry("UNDELIV", DeliveryReport.Status.FAILED),
            Map.entry("UNDELIVERABLE", DeliveryReport.Status.FAILED),
            Map.entry("REJECTD", DeliveryReport.Status.FAILED),
            Map.entry("REJECTED", DeliveryReport.Status.FAILED),
            Map.entry("UNKNOWN", DeliveryReport.Status.FAILED),
            Map.entry("ENROUTE", DeliveryReport.Status.IN_FLIGHT),
            Map.entry("ACCEPTD", DeliveryReport.Status.IN_FLIGHT),
            Map.entry("ACCEPTED", DeliveryReport.Status.IN_FLIGHT));

    /** message_state TLV values (SMPP 3.4 section 5.2.28) as the stat words of the text form. */
    private static final String[] STATES = {null, "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD",
            "UNKNOWN", "REJECTD"};

    private ReceiptParser() {
    }

    /**
     * @param text         the short_message (or message_payload) as text; may be empty when the TLVs say it all
     * @param tlvMessageId receipted_message_id, or null
     * @param tlvState     message_state, or null
     */
    static Receipt parse(String text, String tlvMessageId, Integer tlvState) throws MalformedReceiptException {
        Map<String, String> fields = fields(text == null ? "" : text);
        String id = blankToNull(tlvMessageId);
        if (id == null) {
            id = blankToNull(fields.get("id"));
        }
        if (id == null) {
            throw new MalformedReceiptException("receipt has no message id: '" + abbreviate(text) + "'");
        }
        String stat;
        if (tlvState != null) {
            if (tlvState < 1 || tlvState >= STATES.length) {
                throw new MalformedReceiptException("unknown message_state " + tlvState + " in receipt for " + id);
            }
            stat = STATES[tlvState];
        } else {
            stat = blankToNull(fields.get("stat"));
            if (stat == null) {
                throw new MalformedReceiptException("receipt for " + id + " has no stat: '" + abbreviate(text) + "'");
            }
            stat = stat.toUpperCase(Locale.ROOT);
        }
        DeliveryReport.Status status = STATS.get(stat);
        if (status == null) {
            throw new MalformedReceiptException("unknown stat '" + stat + "' in receipt for " + id);
        }
        return new Receipt(id, stat, blankToNull(fields.get("err")), status);
    }

    /**
     * Splits on the known keys. The first occurrence of a key wins, and once text: has begun only a key not yet seen
     * ends it, so a message text that itself contains "id:" cannot overwrite the real id.
     */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = KEY.matcher(text);
        String key = null;
        int valueStart = 0;
        boolean inText = false;
        while (m.find()) {
            String next = m.group(1).toLowerCase(Locale.ROOT);
            if (inText && fields.containsKey(next)) {
                continue;
            }
            if (key != null) {
                fields.putIfAbsent(key, value(text, valueStart, m.start(), key));
            }
            key = next;
            valueStart = m.end();
            inText = inText || key.equals("text");
        }
        if (key != null) {
            fields.putIfAbsent(key, value(text, valueStart, text.length(), key));
        }
        return fields;
    }

    private static String value(String text, int from, int to, String key) {
        String value = text.substring(from, to);
        return key.equals("text") ? value : value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
