package io.tidings.sms.send;

import java.text.Normalizer;
import java.util.Locale;

/** How an inbound text is compared with a keyword: "ｓｔｏｐ " and "Stop" both mean STOP. */
public final class Keywords {

    private Keywords() {
    }

    /** NFKC folds full-width forms to ASCII; the whole trimmed message must then equal the keyword. */
    public static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }
}
