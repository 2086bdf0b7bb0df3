package io.tidings.threads;

import io.tidings.shared.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Subject and recipients become mail headers later: a CR or LF in them would let a caller add
 * headers (Bcc, a second body). Refused here, at the edge, so the mail part can rely on it.
 */
final class HeaderSafety {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");

    private HeaderSafety() {
    }

    static String subject(String subject) {
        if (subject == null) {
            return null;
        }
        if (hasLineBreak(subject)) {
            throw new InvalidInputException("subject", "a subject cannot contain line breaks");
        }
        if (subject.length() > 998) {
            throw new InvalidInputException("subject", "a subject has at most 998 characters");
        }
        return subject.strip();
    }

    /** Email recipients: one address each, no line breaks, lowercased and de-duplicated. */
    static List<String> addresses(List<String> to) {
        if (to == null) {
            return List.of();
        }
        for (String a : to) {
            if (a == null || hasLineBreak(a)) {
                throw new InvalidInputException("to", "an address cannot contain line breaks");
            }
            if (!ADDRESS.matcher(a.strip()).matches()) {
                throw new InvalidInputException("to", "'" + a + "' is not an email address");
            }
        }
        return to.stream().map(a -> a.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /** SMS recipients are phone numbers the SMS module has normalised; only line breaks are refused. */
    static List<String> numbers(List<String> to) {
        if (to == null) {
            return List.of();
        }
        for (String n : to) {
            if (n == null || n.isBlank() || hasLineBreak(n)) {
                throw new InvalidInputException("to", "a recipient cannot be empty or contain line breaks");
            }
        }
        return to.stream().map(String::strip).distinct().toList();
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\u0085') >= 0
                || s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0;
    }
}
