package io.tidings.mail;

import io.tidings.shared.InvalidInputException;

import java.util.Locale;

/** How a connection to an SMTP server is protected. */
public enum MailSecurity {
    /** Plain SMTP, for a relay on the same host or network. */
    NONE,
    /** Plain connect, then STARTTLS, which must succeed (usually port 587). */
    STARTTLS,
    /** TLS from the first byte, "smtps" (usually port 465). */
    TLS;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MailSecurity parse(String text) {
        if (text != null) {
            for (MailSecurity s : values()) {
                if (s.key().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
        }
        throw new InvalidInputException("security", "security must be none, starttls or tls, not '" + text + "'");
    }
}
