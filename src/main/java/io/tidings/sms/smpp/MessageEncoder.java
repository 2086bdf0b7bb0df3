package io.tidings.sms.smpp;

import io.tidings.sms.SmsCount;
import io.tidings.sms.SmsCounter;
import org.jsmpp.bean.OptionalParameter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the submit_sm bodies that carry it. The encoding and the cut points are {@link SmsCounter}'s, so
 * what is sent is what was counted and billed: GSM-7 as unpacked septets (data_coding 0) or UCS-2 as UTF-16BE
 * (data_coding 8); a long text as parts with a 6-byte concatenation header (IEI 0x00, 8-bit reference) and
 * esm_class UDHI, or, with {@code usePayload}, as one submit_sm whose message_payload TLV holds the whole text.
 */
final class MessageEncoder {

    static final byte GSM = 0x00;
    static final byte UCS2 = 0x08;
    private static final int UCS2_PART_BYTES = 134; // 140 octets less the 6-byte header
    private static final int SINGLE_UCS2_UNITS = 70;
    private static final byte[] NOTHING = new byte[0];

    /** One submit_sm body. tlvs is empty unless the payload TLV carries the text. */
    record Part(byte dataCoding, byte esmClass, byte[] shortMessage, OptionalParameter[] tlvs) {
    }

    /** segments is what the carrier bills, which with the payload TLV is more than the one submit_sm. */
    record Encoded(List<Part> parts, int segments) {
    }

    private final boolean usePayload;

    MessageEncoder(boolean usePayload) {
        this.usePayload = usePayload;
    }

    /**
     * @param reference the concatenation reference for this message, used only when it is split
     * @throws IllegalArgumentException when it would take more than 255 parts, which an 8-bit header cannot number
     */
    Encoded encode(String text, int reference) {
        SmsCount count = SmsCounter.count(text);
        boolean gsm = count.encoding() == SmsCount.Encoding.GSM_7;
        byte dataCoding = gsm ? GSM : UCS2;
        // One cluster wider than a whole SMS is counted as one segment yet cannot be sent as one.
        if (count.segments() == 1 && (gsm || text.length() <= SINGLE_UCS2_UNITS)) {
            return new Encoded(List.of(new Part(dataCoding, (byte) 0, bytes(text, gsm), new OptionalParameter[0])),
                    1);
        }
        if (usePayload) {
            OptionalParameter payload = new OptionalParameter.Message_payload(bytes(text, gsm));
            return new Encoded(List.of(new Part(dataCoding, (byte) 0, NOTHING, new OptionalParameter[]{payload})),
                    count.segments());
        }
        List<String> pieces = gsm ? SmsCounter.split(text) : fitUcs2(SmsCounter.split(text));
        int total = pieces.size();
        if (total > 255) {
            throw new IllegalArgumentException("text needs " + total + " parts; a concatenation header numbers 255");
        }
        List<Part> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] body = bytes(pieces.get(i), gsm);
            byte[] message = new byte[6 + body.length];
            message[0] = 0x05; // UDH length
            message[1] = 0x00; // IEI: concatenated short messages, 8-bit reference
            message[2] = 0x03;
            message[3] = (byte) reference;
            message[4] = (byte) total;
            message[5] = (byte) (i + 1);
            System.arraycopy(body, 0, message, 6, body.length);
            parts.add(new Part(dataCoding, (byte) UserData.UDHI, message, new OptionalParameter[0]));
        }
        return new Encoded(List.copyOf(parts), total);
    }

    private static byte[] bytes(String text, boolean gsm) {
        return gsm ? GsmCodec.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    /**
     * The counter gives a grapheme cluster wider than a part (hundreds of stacked combining marks) a part of its own;
     * such a part cannot physically fit, so it alone is cut further, at code points. Ordinary text never gets here.
     */
    private static List<String> fitUcs2(List<String> pieces) {
        int limit = UCS2_PART_BYTES / 2;
        List<String> fitted = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            int start = 0;
            while (piece.length() - start > limit) {
                int end = start + limit;
                if (Character.isLowSurrogate(piece.charAt(end)) && Character.isHighSurrogate(piece.charAt(end - 1))) {
                    end--;
                }
                fitted.add(piece.substring(start, end));
                start = end;
            }
            fitted.add(piece.substring(start));
        }
        return fitted;
    }
}
