package io.tidings.contacts;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Staged rows in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes.
 * Arrays and JSON are written as their literals, then escaped for COPY like any other text.
 *
 * <p>The rows are encoded straight to UTF-8 bytes in a 64 KB buffer that is handed to the COPY
 * stream whenever it fills, so PostgreSQL parses the first rows of a chunk while the writer still
 * encodes the last ones, and no chunk-sized string or byte array is ever built.
 */
final class StageCopy {

    /** The column order of {@link ImportStore}'s COPY statement. */
    static final String COLUMNS = "row_no, match_on, merged, name, email, phone, phone_country, phone_type,"
            + " phone_timezone, country, timezone, language, company, tags, custom_fields";

    static final int BUFFER_BYTES = 1 << 16;
    /** Room kept free at the end of the buffer: one char written out with every escape. */
    private static final int SLACK = 32;

    /** Where full buffers go: the COPY stream of one connection. */
    interface Sink {
        void write(byte[] bytes, int length);
    }

    private final Sink sink;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;

    private StageCopy(Sink sink) {
        this.sink = sink;
    }

    /** Writes the rows to the sink in pieces of at most {@link #BUFFER_BYTES}. */
    static void write(List<StagedRow> rows, Sink sink) {
        StageCopy w = new StageCopy(sink);
        for (StagedRow r : rows) {
            w.row(r);
        }
        w.flush();
    }

    /** The whole COPY text of the rows at once (for tests and small batches). */
    static byte[] encode(List<StagedRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 160);
        write(rows, (bytes, length) -> out.write(bytes, 0, length));
        return out.toByteArray();
    }

    private void row(StagedRow r) {
        number(r.row);
        tab();
        text(r.matchOn);
        tab();
        number(r.merged());
        tab();
        text(r.name);
        tab();
        text(r.email);
        tab();
        text(r.phone);
        tab();
        text(r.phoneCountry);
        tab();
        text(r.phoneType);
        tab();
        text(r.phoneTimezone);
        tab();
        text(r.country);
        tab();
        text(r.timezone);
        tab();
        text(r.language);
        tab();
        text(r.company);
        tab();
        if (r.tags == null) {
            nullValue();
        } else {
            arrayLiteral(r.tags);
        }
        tab();
        if (r.custom == null) {
            nullValue();
        } else {
            jsonObject(r.custom);
        }
        room();
        buf[pos++] = '\n';
    }

    private void flush() {
        if (pos > 0) {
            sink.write(buf, pos);
            pos = 0;
        }
    }

    private void room() {
        if (pos > BUFFER_BYTES - SLACK) {
            flush();
        }
    }

    private void tab() {
        room();
        buf[pos++] = '\t';
    }

    private void nullValue() {
        room();
        buf[pos++] = '\\';
        buf[pos++] = 'N';
    }

    private void number(long n) {
        room();
        if (n == 0) {
            buf[pos++] = '0';
            return;
        }
        if (n < 0) {
            buf[pos++] = '-';
            n = -n;
        }
        int start = pos;
        while (n > 0) {
            buf[pos++] = (byte) ('0' + n % 10);
            n /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void text(String s) {
        if (s == null) {
            nullValue();
            return;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                copyChar(c);
            }
        }
    }

    /** One character of a value, escaped for COPY and encoded as UTF-8. */
    private void copyChar(char c) {
        room();
        if (c < 0x80) {
            switch (c) {
                case '\\' -> {
                    buf[pos++] = '\\';
                    buf[pos++] = '\\';
                }
                case '\t' -> {
                    buf[pos++] = '\\';
                    buf[pos++] = 't';
                }
                case '\n' -> {
                    buf[pos++] = '\\';
                    buf[pos++] = 'n';
                }
                case '\r' -> {
                    buf[pos++] = '\\';
                    buf[pos++] = 'r';
                }
                default -> buf[pos++] = (byte) c;
            }
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | c >> 6);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isSurrogate(c)) {
            buf[pos++] = '?'; // an unpaired surrogate, as String.getBytes writes it
        } else {
            buf[pos++] = (byte) (0xE0 | c >> 12);
            buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void codePoint(int cp) {
        room();
        buf[pos++] = (byte) (0xF0 | cp >> 18);
        buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[pos++] = (byte) (0x80 | cp & 0x3F);
    }

    /** {"a","b \"c\""}: every element quoted, so commas, braces and NULL-looking words stay text. */
    private void arrayLiteral(List<String> values) {
        copyChar('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                copyChar(',');
            }
            copyChar('"');
            String v = values.get(i);
            for (int j = 0, n = v.length(); j < n; j++) {
                char c = v.charAt(j);
                if (c == '"' || c == '\\') {
                    copyChar('\\');
                }
                if (Character.isHighSurrogate(c) && j + 1 < n && Character.isLowSurrogate(v.charAt(j + 1))) {
                    codePoint(Character.toCodePoint(c, v.charAt(++j)));
                } else {
                    copyChar(c);
                }
            }
            copyChar('"');
        }
        copyChar('}');
    }

    private void jsonObject(Map<String, String> values) {
        copyChar('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                copyChar(',');
            }
            first = false;
            jsonString(e.getKey());
            copyChar(':');
            jsonString(e.getValue());
        }
        copyChar('}');
    }

    private void jsonString(String s) {
        copyChar('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> {
                    copyChar('\\');
                    copyChar('"');
                }
                case '\\' -> {
                    copyChar('\\');
                    copyChar('\\');
                }
                case '\n' -> {
                    copyChar('\\');
                    copyChar('n');
                }
                case '\r' -> {
                    copyChar('\\');
                    copyChar('r');
                }
                case '\t' -> {
                    copyChar('\\');
                    copyChar('t');
                }
                default -> {
                    if (c < 0x20) {
                        String hex = String.format("\\u%04x", (int) c);
                        for (int k = 0; k < hex.length(); k++) {
                            copyChar(hex.charAt(k));
                        }
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        codePoint(Character.toCodePoint(c, s.charAt(++i)));
                    } else {
                        copyChar(c);
                    }
                }
            }
        }
        copyChar('"');
    }
}
