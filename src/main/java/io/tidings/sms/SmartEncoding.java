package io.tidings.sms;

/**
 * Twilio-style smart encoding: look-alike characters (curly quotes, dashes, odd spaces, full-width forms, ...)
 * are replaced by GSM characters so that a message is not pushed into UCS-2 by typography alone.
 *
 * <p>The table is the one of the npm package sms-segments-calculator 1.3.0
 * (src/libs/SmartEncodingMap.ts, 271 entries), the reference the project tests against, kept verbatim including its
 * quirks (no-break and other wide spaces become two spaces, TAB becomes seven), so that our counts match it.
 * Accented letters are deliberately absent: transliterating them would change the words, not just typography.
 */
final class SmartEncoding {

    private static final String[] REPLACEMENT = new String[Character.MAX_VALUE + 1];

    static {
        to("\"", 0x00AB, 0x00BB, 0x201C, 0x201D, 0x02BA, 0x02EE, 0x201F, 0x201E, 0x275D, 0x275E, 0x301D, 0x301E,
                0xFF02);
        to("'", 0x2018, 0x2019, 0x02BB, 0x02C8, 0x02BC, 0x02BD, 0x02B9, 0x201B, 0xFF07, 0x00B4, 0x02CA, 0x0060,
                0x02CB, 0x275B, 0x275C, 0x0313, 0x0314, 0xFE10, 0xFE11);
        to("/", 0x00F7, 0x29F8, 0x0337, 0x0338, 0x2044, 0x2215, 0xFF0F);
        to("1/4", 0x00BC);
        to("1/2", 0x00BD);
        to("3/4", 0x00BE);
        to("\\", 0x29F9, 0x29F5, 0x20E5, 0xFE68, 0xFF3C);
        to("_", 0x0332, 0xFF3F, 0x2017);
        to("|", 0x20D2, 0x20D3, 0x2223, 0xFF5C, 0x23B8, 0x23B9, 0x23D0, 0x239C, 0x239F);
        to("-", 0x23BC, 0x23BD, 0x2015, 0xFE63, 0xFF0D, 0x2010, 0x2043, 0x2014, 0x2013, 0x2022);
        to("@", 0xFE6B, 0xFF20);
        to("$", 0xFE69, 0xFF04);
        to("!", 0x01C3, 0xFE15, 0xFE57, 0xFF01);
        to("#", 0xFE5F, 0xFF03);
        to("%", 0xFE6A, 0xFF05);
        to("&", 0xFE60, 0xFF06);
        to(",", 0x201A, 0x0326, 0xFE50, 0xFE51, 0xFF0C, 0xFF64, 0x3001);
        to("(", 0x2768, 0x276A, 0xFE59, 0xFF08, 0x27EE, 0x2985);
        to(")", 0x2769, 0x276B, 0xFE5A, 0xFF09, 0x27EF, 0x2986);
        to("*", 0x204E, 0x2217, 0x229B, 0x2722, 0x2723, 0x2724, 0x2725, 0x2731, 0x2732, 0x2733, 0x273A, 0x273B,
                0x273C, 0x273D, 0x2743, 0x2749, 0x274A, 0x274B, 0x29C6, 0xFE61, 0xFF0A);
        to("+", 0x02D6, 0xFE62, 0xFF0B);
        to(".", 0x3002, 0xFE52, 0xFF0E, 0xFF61);
        to("0", 0xFF10);
        to("1", 0xFF11);
        to("2", 0xFF12);
        to("3", 0xFF13);
        to("4", 0xFF14);
        to("5", 0xFF15);
        to("6", 0xFF16);
        to("7", 0xFF17);
        to("8", 0xFF18);
        to("9", 0xFF19);
        to(":", 0x02D0, 0x02F8, 0x2982, 0xA789, 0xFE13, 0xFF1A);
        to(";", 0x204F, 0xFE14, 0xFE54, 0xFF1B);
        to("<", 0xFE64, 0xFF1C, 0x2039);
        to("=", 0x0347, 0xA78A, 0xFE66, 0xFF1D);
        to(">", 0xFE65, 0xFF1E, 0x203A);
        to("?", 0xFE16, 0xFE56, 0xFF1F);
        to("A", 0xFF21, 0x1D00);
        to("B", 0xFF22, 0x0299);
        to("C", 0xFF23, 0x1D04);
        to("D", 0xFF24, 0x1D05);
        to("E", 0xFF25, 0x1D07);
        to("F", 0xFF26, 0xA730);
        to("G", 0xFF27, 0x0262);
        to("H", 0xFF28, 0x029C);
        to("I", 0xFF29, 0x026A);
        to("J", 0xFF2A, 0x1D0A);
        to("K", 0xFF2B, 0x1D0B);
        to("L", 0xFF2C, 0x029F);
        to("M", 0xFF2D, 0x1D0D);
        to("N", 0xFF2E, 0x0274);
        to("O", 0xFF2F, 0x1D0F);
        to("P", 0xFF30, 0x1D18);
        to("Q", 0xFF31);
        to("R", 0xFF32, 0x0280);
        to("S", 0xFF33, 0xA731);
        to("T", 0xFF34, 0x1D1B);
        to("U", 0xFF35, 0x1D1C);
        to("V", 0xFF36, 0x1D20);
        to("W", 0xFF37, 0x1D21);
        to("X", 0xFF38);
        to("Y", 0xFF39, 0x028F);
        to("Z", 0xFF3A, 0x1D22);
        to("^", 0x02C6, 0x0302, 0xFF3E, 0x1DCD);
        to("{", 0x2774, 0xFE5B, 0xFF5B);
        to("}", 0x2775, 0xFE5C, 0xFF5D);
        to("[", 0xFF3B);
        to("]", 0xFF3D);
        to("~", 0x02DC, 0x02F7, 0x0303, 0x0330, 0x0334, 0x223C, 0xFF5E);
        to("  ", 0x00A0, 0x2000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F,
                0x205F, 0x3000, 0x008D, 0x009F, 0x0080, 0x0090, 0x009B);
        to("", 0x0010, 0x0000, 0x0003, 0x0004, 0x0017, 0x0019, 0x0011, 0x0012, 0x0013, 0x0014, 0x2060, 0x200B,
                0x200C, 0xFEFF);
        to("       ", 0x0009);
        to("!!", 0x203C);
        to(" ", 0x2028, 0x2029, 0x2001);
        to("...", 0x2026);
    }

    private SmartEncoding() {
    }

    private static void to(String replacement, int... chars) {
        for (int c : chars) {
            REPLACEMENT[c] = replacement;
        }
    }

    /** The replacement for {@code c}, or null when smart encoding leaves it alone. */
    static String replacement(char c) {
        return REPLACEMENT[c];
    }

    /**
     * Replaces every look-alike. Returns {@code text} itself when there is nothing to replace, which is the common
     * case, so counting with smart encoding on does not copy ordinary messages.
     */
    static String replace(String text) {
        int n = text.length();
        int first = 0;
        while (first < n && !CharClass.isSmart(text.charAt(first))) {
            first++;
        }
        if (first == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, first);
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            String r = CharClass.isSmart(c) ? REPLACEMENT[c] : null;
            if (r == null) {
                out.append(c);
            } else {
                out.append(r);
            }
        }
        return out.toString();
    }
}
