package io.tidings.contacts;

import io.tidings.shared.InvalidInputException;

import java.util.Locale;

/**
 * A sane-syntax check, not RFC 5322: the addresses people type into forms and spreadsheets, with
 * one @, a dotted domain and no spaces. Quoted local parts and IP literals are refused; they are
 * rarer than typos. Stored lowercase because that is how they are matched.
 */
final class EmailAddresses {

    private EmailAddresses() {
    }

    /** @throws InvalidInputException on field "email" */
    static String normalise(String raw) {
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254) {
            throw invalid("too long (at most 254 characters)");
        }
        int at = email.lastIndexOf('@');
        if (at < 0) {
            throw invalid("missing @");
        }
        if (at == 0) {
            throw invalid("nothing before the @");
        }
        if (at > 64) {
            throw invalid("the part before the @ is longer than 64 characters");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c == '\u007f' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"'
                    || c == '(' || c == ')' || c == '[' || c == ']' || c == '\\') {
                throw invalid("contains '" + (c <= ' ' ? "a space or control character" : String.valueOf(c)) + "'");
            }
            if (c == '@' && i != at) {
                throw invalid("more than one @");
            }
        }
        String local = email.substring(0, at);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid("the part before the @ has a misplaced dot");
        }
        String domain = email.substring(at + 1);
        if (domain.isEmpty()) {
            throw invalid("nothing after the @");
        }
        int lastDot = domain.lastIndexOf('.');
        if (lastDot < 0) {
            throw invalid("the domain has no dot");
        }
        if (domain.startsWith(".") || domain.contains("..") || domain.startsWith("-") || domain.contains(".-")
                || domain.contains("-.")) {
            throw invalid("the domain has an empty or malformed label");
        }
        if (domain.length() - lastDot - 1 < 2) {
            throw invalid("the top-level domain is shorter than 2 characters");
        }
        return email;
    }

    private static InvalidInputException invalid(String reason) {
        return new InvalidInputException("email", reason);
    }
}
