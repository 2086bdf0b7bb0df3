package io.tidings.sms;

/**
 * The {@code cn} billing profile: how Chinese carriers charge domestic SMS.
 *
 * <p>They do not bill by GSM segment. The billed text is {@code 【signature】 + text + unsubscribe text}, every
 * character (code point: a letter, a Chinese character, an emoji) counts 1, up to 70 characters is one message and a
 * longer one is billed as ceil(n / 67) messages. Carriers refuse more than 500 characters.
 */
public final class CnBilling {

    public static final int SINGLE = 70;
    public static final int CONCATENATED = 67;
    public static final int MAX_CHARACTERS = 500;

    private CnBilling() {
    }

    /**
     * Counts one message under the cn profile.
     *
     * @param signature   the sender signature, with or without 【】; required
     * @param unsubscribe the opt-out text appended to the message (e.g. "回T退订"), may be null
     * @param smart       smart encoding of text and unsubscribe text, as under intl, so that both profiles bill
     *                    what would actually be sent
     * @throws IllegalArgumentException when the signature is missing or invalid, or the billed text is too long
     */
    public static SmsCount count(String text, String signature, String unsubscribe, boolean smart) {
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException("the cn profile needs a signature");
        }
        String problem = SenderSignature.problemWith(signature);
        if (problem != null) {
            throw new IllegalArgumentException("invalid signature: " + problem);
        }
        String body = text + (unsubscribe == null ? "" : unsubscribe);
        if (smart) {
            body = SmartEncoding.replace(body);
        }
        String billed = SenderSignature.parse(signature).bracketed() + body;
        int n = billed.codePointCount(0, billed.length());
        if (n > MAX_CHARACTERS) {
            throw new IllegalArgumentException("text too long: " + n + " characters, at most " + MAX_CHARACTERS);
        }
        int segments = n <= SINGLE ? 1 : (n + CONCATENATED - 1) / CONCATENATED;
        int remaining = segments == 1 ? SINGLE - n : segments * CONCATENATED - n;
        // Not what carriers bill on, but what the handset receives; with the 【】 it is UCS-2 in practice.
        SmsCount.Encoding encoding = SmsCounter.isGsm(billed) ? SmsCount.Encoding.GSM_7 : SmsCount.Encoding.UCS_2;
        return new SmsCount(encoding, segments, n, remaining);
    }

    /** The exact text a carrier bills: {@code 【signature】 + text + unsubscribe}. */
    public static String billedText(String text, String signature, String unsubscribe, boolean smart) {
        String body = text + (unsubscribe == null ? "" : unsubscribe);
        return SenderSignature.parse(signature).bracketed() + (smart ? SmartEncoding.replace(body) : body);
    }
}
