package io.tidings.tracking.links;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Codes of short links. 8 base62 characters from SecureRandom: 62^8 ≈ 2.2 × 10^14 codes, so even
 * with ten million links out, a guess hits one about once in twenty million tries, while the
 * whole short URL stays about 30 characters (an SMS segment is 70 Chinese characters).
 */
final class ShortCodes {

    static final int LENGTH = 8;
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    // Longer codes stay valid, so LENGTH can grow without breaking links already sent.
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-Za-z]{" + LENGTH + ",32}");

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** Anything else is answered 404 without asking the database. */
    static boolean wellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }
}
