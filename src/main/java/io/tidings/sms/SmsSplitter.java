package io.tidings.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into the segments {@link SmsCounter} counts, so a gateway that concatenates itself (SMPP with UDH)
 * sends exactly the parts that were billed. The loops mirror {@link SmsCounter}'s on purpose: any change to where
 * the counter cuts must be made in both, and {@code SmsSplitterTest} holds them to the same answer.
 */
final class SmsSplitter {

    private SmsSplitter() {
    }

    static List<String> split(String text) {
        int n = text.length();
        byte[] table = CharClass.TABLE;
        int septets = 0;
        for (int i = 0; i < n; i++) {
            int cost = table[text.charAt(i)] & CharClass.SEPTETS;
            if (cost == 0) {
                return splitUcs2(text);
            }
            septets += cost;
        }
        if (septets <= SmsCounter.GSM_SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>(septets / SmsCounter.GSM_CONCATENATED + 1);
        int start = 0;
        int fill = 0;
        for (int i = 0; i < n; i++) {
            int cost = table[text.charAt(i)] & CharClass.SEPTETS;
            fill += cost;
            if (fill > SmsCounter.GSM_CONCATENATED) { // the escape pair moves whole to the next part
                parts.add(text.substring(start, i));
                start = i;
                fill = cost;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> splitUcs2(String text) {
        int n = text.length();
        if (n <= SmsCounter.UCS2_SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>(n / SmsCounter.UCS2_CONCATENATED + 1);
        int start = 0;
        int fill = 0;
        int clusterStart = 0;
        int clusterUnits = width(text, 0);
        GraphemeCluster cluster = new GraphemeCluster(property(text, 0, clusterUnits));
        int i = clusterUnits;
        while (i < n) {
            int width = width(text, i);
            if (cluster.breaksBefore(property(text, i, width))) {
                if (fill + clusterUnits > SmsCounter.UCS2_CONCATENATED && fill > 0) {
                    parts.add(text.substring(start, clusterStart));
                    start = clusterStart;
                    fill = 0;
                }
                fill += clusterUnits;
                clusterUnits = 0;
                clusterStart = i;
            }
            clusterUnits += width;
            i += width;
        }
        if (fill + clusterUnits > SmsCounter.UCS2_CONCATENATED && fill > 0) {
            parts.add(text.substring(start, clusterStart));
            start = clusterStart;
        }
        parts.add(text.substring(start));
        return parts;
    }

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
}
