package io.tidings.sms.smpp;

import java.nio.charset.StandardCharsets;

/**
 * Reads the text out of a short_message (or message_payload) by its data_coding, and the concatenation header when
 * esm_class says one is there. Used for inbound messages and by the simulator, which must read what gateways send.
 */
final class UserData {

    /** esm_class bit: the short_message starts with a user data header. */
    static final int UDHI = 0x40;

    /** Where this piece sits in a concatenated message; null when it stands alone. */
    record Concat(int reference, int total, int sequence) {
    }

    record Decoded(String text, Concat concat) {
    }

    private UserData() {
    }

    static Decoded decode(byte dataCoding, byte esmClass, byte[] message) {
        if (message == null) {
            message = new byte[0];
        }
        int start = 0;
        Concat concat = null;
        if ((esmClass & UDHI) != 0 && message.length > 0) {
            int headerLength = message[0] & 0xFF;
            start = Math.min(message.length, 1 + headerLength);
            concat = concatenation(message, 1, start);
        }
        return new Decoded(text(dataCoding, message, start, message.length - start), concat);
    }

    /** Walks the information elements of a UDH for IEI 0x00 (8-bit reference) or 0x08 (16-bit reference). */
    private static Concat concatenation(byte[] udh, int from, int to) {
        int i = from;
        while (i + 1 < to) {
            int iei = udh[i] & 0xFF;
            int length = udh[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > to) {
                return null;
            }
            if (iei == 0x00 && length == 3) {
                return concat(udh[value] & 0xFF, udh[value + 1] & 0xFF, udh[value + 2] & 0xFF);
            }
            if (iei == 0x08 && length == 4) {
                int reference = (udh[value] & 0xFF) << 8 | (udh[value + 1] & 0xFF);
                return concat(reference, udh[value + 2] & 0xFF, udh[value + 3] & 0xFF);
            }
            i = value + length;
        }
        return null;
    }

    private static Concat concat(int reference, int total, int sequence) {
        // A header that contradicts itself is treated as absent rather than waiting forever for impossible parts.
        return total >= 1 && sequence >= 1 && sequence <= total ? new Concat(reference, total, sequence) : null;
    }

    static String text(byte dataCoding, byte[] bytes, int offset, int length) {
        int dc = dataCoding & 0xFF;
        return switch (alphabet(dc)) {
            case GSM -> GsmCodec.decode(bytes, offset, length);
            case ASCII -> new String(bytes, offset, length, StandardCharsets.US_ASCII);
            case UCS2 -> new String(bytes, offset, length & ~1, StandardCharsets.UTF_16BE);
            case LATIN1 -> new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        };
    }

    private enum Alphabet { GSM, ASCII, LATIN1, UCS2 }

    private static Alphabet alphabet(int dc) {
        if (dc == 0x00) {
            return Alphabet.GSM;
        }
        if (dc == 0x01) {
            return Alphabet.ASCII;
        }
        if (dc == 0x08) {
            return Alphabet.UCS2;
        }
        if (dc <= 0x07) { // 0x02/0x04 binary, 0x03 Latin-1, others Latin-like: never lose bytes
            return Alphabet.LATIN1;
        }
        if (dc < 0x40) { // GSM 03.38 general data coding: bits 3-2 give the alphabet
            int bits = (dc >> 2) & 0x03;
            return bits == 0 ? Alphabet.GSM : bits == 2 ? Alphabet.UCS2 : Alphabet.LATIN1;
        }
        if ((dc & 0xF0) == 0xF0) { // data coding / message class group
            return (dc & 0x04) == 0 ? Alphabet.GSM : Alphabet.LATIN1;
        }
        return Alphabet.LATIN1;
    }
}
