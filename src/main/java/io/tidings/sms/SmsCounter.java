package io.tidings.sms;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Counts SMS segments the way carriers bill them (GSM 03.38 / 3GPP TS 23.040), in agreement with Twilio's
 * open-source calculator (npm sms-segments-calculator 1.3.0).
 *
 * <p>Segment sizes come from the 140-octet user data: 160 septets or 70 UCS-2 units alone, and 153 septets or
 * 67 units once a 6-octet concatenation header is needed. Segments are filled greedily and nothing that must
 * stay together is cut: not an ESC + extension septet pair, not a surrogate pair, not a grapheme cluster (an
 * emoji with its skin tone, a letter with its combining accent).
 *
 * <p>The loops are the hot path (bulk counting of campaigns): one table load per char, no allocation per char,
 * no copy of the text.
 */
public final class SmsCounter {

    static final int GSM_SINGLE = 160;
    static final int GSM_CONCATENATED = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_CONCATENATED = 67;

    private SmsCounter() {
    }

    /** Counts {@code text} as it will be sent. */
    public static SmsCount count(String text) {
        byte[] table = CharClass.TABLE;
        int n = text.length();
        int septets = 0;
        int segments = 1;
        int fill = 0;
        for (int i = 0; i < n; i++) {
            int cost = table[text.charAt(i)] & CharClass.SEPTETS;
            if (cost == 0) {
                return countUcs2(text);
            }
            septets += cost;
            fill += cost;
            if (fill > GSM_CONCATENATED) { // an escape pair that does not fit moves whole to the next segment
                segments++;
                fill = cost;
            }
        }
        if (septets <= GSM_SINGLE) {
            return new SmsCount(SmsCount.Encoding.GSM_7, 1, septets, GSM_SINGLE - septets);
        }
        return new SmsCount(SmsCount.Encoding.GSM_7, segments, septets, GSM_CONCATENATED - fill);
    }

    /**
     * The segments {@link #count(String)} counts, as texts: one element for a single SMS, else the parts in order
     * (153 septets or 67 UCS-2 units at most, escape pairs, surrogate pairs and grapheme clusters never cut).
     * Joined they give back {@code text}. A gateway that concatenates itself sends exactly these parts.
     */
    public static List<String> split(String text) {
        return SmsSplitter.split(text);
    }

    /** Counts {@code text} after smart encoding when {@code smart} is set, see {@link #smartReplace(String)}. */
    public static SmsCount count(String text, boolean smart) {
        return count(smart ? SmartEncoding.replace(text) : text);
    }

    /**
     * The text with typographic look-alikes (curly quotes, dashes, ellipsis, odd spaces, full-width forms)
     * replaced by GSM characters, as Twilio's smart encoding sends it; the same instance when nothing changes.
     */
    public static String smartReplace(String text) {
        return SmartEncoding.replace(text);
    }

    /**
     * The characters (grapheme clusters) that force {@code text} into UCS-2, each once, in order of appearance, so
     * a composer can point at them; empty when the text is GSM-7.
     */
    public static List<String> ucs2Characters(String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        int n = text.length();
        GraphemeCluster cluster = null;
        int clusterStart = 0;
        int i = 0;
        while (i < n) {
            int width = width(text, i);
            int property = property(text, i, width);
            if (cluster == null) {
                cluster = new GraphemeCluster(property);
            } else if (cluster.breaksBefore(property)) {
                addIfNotGsm(text, clusterStart, i, found);
                clusterStart = i;
            }
            i += width;
        }
        if (n > 0) {
            addIfNotGsm(text, clusterStart, n, found);
        }
        return List.copyOf(found);
    }

    private static void addIfNotGsm(String text, int from, int to, LinkedHashSet<String> found) {
        // The reference's rule: a grapheme is GSM only if it is a single GSM char.
        if (to - from > 1 || CharClass.septets(text.charAt(from)) == 0) {
            found.add(text.substring(from, to));
        }
    }

    private static SmsCount countUcs2(String text) {
        int n = text.length();
        int graphemes = 1;
        int segments = 1;
        int fill = 0;
        int clusterUnits = width(text, 0);
        GraphemeCluster cluster = new GraphemeCluster(property(text, 0, clusterUnits));
        int i = clusterUnits;
        while (i < n) {
            int width = width(text, i);
            if (cluster.breaksBefore(property(text, i, width))) {
                graphemes++;
                // Fill greedily; a cluster wider than a whole segment (only hundreds of stacked marks are) gets
                // one of its own rather than an empty segment before it.
                if (fill + clusterUnits > UCS2_CONCATENATED && fill > 0) {
                    segments++;
                    fill = 0;
                }
                fill += clusterUnits;
                clusterUnits = 0;
            }
            clusterUnits += width;
            i += width;
        }
        if (fill + clusterUnits > UCS2_CONCATENATED && fill > 0) {
            segments++;
            fill = 0;
        }
        fill += clusterUnits;
        // Every UTF-16 unit, GSM or not, is one UCS-2 unit.
        if (n <= UCS2_SINGLE) {
            return new SmsCount(SmsCount.Encoding.UCS_2, 1, graphemes, UCS2_SINGLE - n);
        }
        return new SmsCount(SmsCount.Encoding.UCS_2, segments, graphemes, Math.max(0, UCS2_CONCATENATED - fill));
    }

    /** 2 for a well-formed surrogate pair at {@code i}, else 1 (a lone surrogate is sent as one unit). */
    private static int width(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    private static int property(String text, int i, int width) {
        return width == 1
                ? (CharClass.TABLE[text.charAt(i)] & 0xFF) >>> CharClass.PROPERTY_SHIFT
                : GraphemeBreak.of(Character.toCodePoint(text.charAt(i), text.charAt(i + 1)));
    }

    /** True when every char of {@code text} is in the GSM 03.38 alphabet (basic or extension table). */
    static boolean isGsm(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (CharClass.septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }
}
