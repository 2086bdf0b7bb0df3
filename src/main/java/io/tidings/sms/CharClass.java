package io.tidings.sms;

/**
 * One byte per UTF-16 code unit holding everything the counting loops ask about a character, so the hot path
 * is a single array load per char: bits 0-1 GSM septets (0 = not GSM), bit 2 smart-encoding replacement exists,
 * bits 3-7 grapheme break property (for surrogates it is Control, which pairs never reach).
 */
final class CharClass {

    static final int SEPTETS = 0b11;
    static final int SMART = 0b100;
    static final int PROPERTY_SHIFT = 3;

    static final byte[] TABLE = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int bits = GsmAlphabet.septets((char) c);
            if (SmartEncoding.replacement((char) c) != null) {
                bits |= SMART;
            }
            bits |= GraphemeBreak.of(c) << PROPERTY_SHIFT;
            TABLE[c] = (byte) bits;
        }
    }

    private CharClass() {
    }

    static int septets(char c) {
        return TABLE[c] & SEPTETS;
    }

    static boolean isSmart(char c) {
        return (TABLE[c] & SMART) != 0;
    }

    static int graphemeProperty(char c) {
        return (TABLE[c] & 0xFF) >>> PROPERTY_SHIFT;
    }
}
