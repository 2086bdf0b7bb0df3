package io.tidings.sms.smpp;

import java.io.ByteArrayOutputStream;

/**
 * GSM 03.38 default alphabet as most SMSCs expect it with data_coding 0: one septet per byte, unpacked (the SMSC
 * packs for the air interface), extension characters as ESC (0x1B) plus their extension-table septet. The tables
 * are written out here rather than borrowed because the counter's tables map characters to costs, not to septets.
 */
final class GsmCodec {

    static final int ESC = 0x1B;

    /** Index = septet. 0x1B is ESC and never produced from this table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension-table characters and, at the same index, their septet after ESC. */
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_SEPTETS = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final short[] SEPTET = new short[Character.MAX_VALUE + 1];

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM basic table must have 128 entries, has " + BASIC.length());
        }
        java.util.Arrays.fill(SEPTET, (short) -1);
        for (int s = 0; s < 128; s++) {
            if (s != ESC) {
                SEPTET[BASIC.charAt(s)] = (short) s;
            }
        }
        for (int i = 0; i < EXTENSION.length(); i++) {
            SEPTET[EXTENSION.charAt(i)] = (short) (0x100 | EXTENSION_SEPTETS[i]); // 0x100 marks "needs ESC"
        }
    }

    private GsmCodec() {
    }

    /** True when every char has a GSM septet (basic or extension). */
    static boolean canEncode(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (SEPTET[text.charAt(i)] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Unpacked septets; throws when a char is not in the GSM alphabet (callers decide the encoding first). */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0, n = text.length(); i < n; i++) {
            short s = SEPTET[text.charAt(i)];
            if (s < 0) {
                throw new IllegalArgumentException("not in the GSM 03.38 alphabet: U+"
                        + Integer.toHexString(text.charAt(i)).toUpperCase() + " at " + i);
            }
            if ((s & 0x100) != 0) {
                out.write(ESC);
            }
            out.write(s & 0x7F);
        }
        return out.toByteArray();
    }

    /**
     * Decodes unpacked septets. An ESC before a septet the extension table does not have shows the basic character,
     * as 3GPP TS 23.038 asks of receivers; a trailing ESC is dropped.
     */
    static String decode(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int s = bytes[i] & 0x7F;
            if (s == ESC) {
                if (++i == end) {
                    break;
                }
                int e = bytes[i] & 0x7F;
                int k = extensionIndex(e);
                text.append(k >= 0 ? EXTENSION.charAt(k) : e == ESC ? ' ' : BASIC.charAt(e));
            } else {
                text.append(BASIC.charAt(s));
            }
        }
        return text.toString();
    }

    private static int extensionIndex(int septet) {
        for (int k = 0; k < EXTENSION_SEPTETS.length; k++) {
            if (EXTENSION_SEPTETS[k] == septet) {
                return k;
            }
        }
        return -1;
    }
}
