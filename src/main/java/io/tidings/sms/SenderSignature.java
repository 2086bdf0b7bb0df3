package io.tidings.sms;

/**
 * The sender signature (签名) that Chinese carriers require in every SMS, shown as {@code 【签名】}.
 *
 * <p>The rule is the carriers' registration rule: 3 to 12 characters, Chinese characters alone or mixed with ASCII
 * letters and digits. A signature must name the sender in Chinese, so one made only of letters, only of digits, or
 * of both but no Chinese character is refused, as is any punctuation or space.
 *
 * @param value the signature without brackets
 */
public record SenderSignature(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 12;

    public SenderSignature {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Reads a signature as a user types it: surrounding spaces and one pair of 【】 are dropped.
     *
     * @throws IllegalArgumentException with a reason a user can act on when the signature breaks the rule
     */
    public static SenderSignature parse(String raw) {
        return new SenderSignature(unwrap(raw));
    }

    /** Null when {@code raw} (after {@link #parse} clean-up) is a valid signature, else why it is not. */
    public static String problemWith(String raw) {
        return problem(unwrap(raw));
    }

    /** The signature as billed, brackets included. */
    public String bracketed() {
        return "【" + value + "】";
    }

    private static String unwrap(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.length() >= 2 && s.startsWith("【") && s.endsWith("】")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "signature is missing";
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return "signature must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, got " + length;
        }
        boolean chinese = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (isChinese(cp)) {
                chinese = true;
            } else if (!isAsciiLetterOrDigit(cp)) {
                return "signature may contain only Chinese characters, ASCII letters and digits, not '"
                        + Character.toString(cp) + "'";
            }
            i += Character.charCount(cp);
        }
        return chinese ? null : "signature must contain at least one Chinese character";
    }

    private static boolean isChinese(int cp) {
        // Ideographic alone would also admit Tangut or Nüshu; the script check keeps it to Han.
        return Character.isIdeographic(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    }
}
