package io.tidings.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A channel that needs consent of its own: agreeing to e-mail is not agreeing to SMS. */
public enum Channel {
    EMAIL, SMS;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel parse(String text) {
        if (text != null) {
            for (Channel c : values()) {
                if (c.key().equalsIgnoreCase(text.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown channel '" + text + "': use email or sms");
    }
}
