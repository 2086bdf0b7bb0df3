package io.tidings.sms;

/**
 * What one SMS costs.
 *
 * @param encoding   GSM-7 or UCS-2
 * @param segments   messages the carrier bills (an empty text still is one)
 * @param characters characters as Twilio's calculator (sms-segments-calculator {@code numberOfCharacters}) counts
 *                   them under the intl profile: in GSM-7 septets, so an extension character such as € counts 2
 *                   (that is the number that fills a segment and the one senders see in Twilio's tools); in UCS-2
 *                   user-perceived characters (grapheme clusters), so an emoji with a skin tone counts 1. Under
 *                   the cn profile it is the billed count: code points of 【signature】 + text + unsubscribe text.
 * @param remaining  what still fits in the last segment without adding one: septets in GSM-7, UTF-16 units in
 *                   UCS-2, characters under cn
 */
public record SmsCount(Encoding encoding, int segments, int characters, int remaining) {

    public enum Encoding {
        GSM_7("GSM-7"),
        UCS_2("UCS-2");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        /** The name used on the wire and in reports: {@code GSM-7} or {@code UCS-2}. */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
