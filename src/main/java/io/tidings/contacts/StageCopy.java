package io.tidings.contacts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Staged rows in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes.
 * Arrays and JSON are written as their literals, then escaped for COPY like any other text.
 */
final class StageCopy {

    /** The column order of {@link ImportStore}'s COPY statement. */
    static final String COLUMNS = "row_no, match_on, merged, name, email, phone, phone_country, phone_type,"
            + " phone_timezone, country, timezone, language, company, tags, custom_fields";

    private StageCopy() {
    }

    static byte[] encode(List<StagedRow> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 160);
        StringBuilder literal = new StringBuilder(128);
        for (StagedRow r : rows) {
            sb.append(r.row).append('\t');
            text(sb, r.matchOn).append('\t');
            sb.append(r.merged()).append('\t');
            text(sb, r.name).append('\t');
            text(sb, r.email).append('\t');
            text(sb, r.phone).append('\t');
            text(sb, r.phoneCountry).append('\t');
            text(sb, r.phoneType).append('\t');
            text(sb, r.phoneTimezone).append('\t');
            text(sb, r.country).append('\t');
            text(sb, r.timezone).append('\t');
            text(sb, r.language).append('\t');
            text(sb, r.company).append('\t');
            text(sb, r.tags == null ? null : arrayLiteral(literal, r.tags)).append('\t');
            text(sb, r.custom == null ? null : jsonObject(literal, r.custom)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder text(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("\\N");
        }
        if (plain(s)) {
            return sb.append(s);
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    /** Nothing to escape: the common case, copied whole. */
    private static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c < ' ' && (c == '\t' || c == '\n' || c == '\r')) {
                return false;
            }
        }
        return true;
    }

    /** {"a","b \"c\""}: every element quoted, so commas, braces and NULL-looking words stay text. */
    static String arrayLiteral(StringBuilder sb, List<String> values) {
        sb.setLength(0);
        sb.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"');
            String v = values.get(i);
            for (int j = 0, n = v.length(); j < n; j++) {
                char c = v.charAt(j);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    static String jsonObject(StringBuilder sb, Map<String, String> values) {
        sb.setLength(0);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            jsonString(sb, e.getKey()).append(':');
            jsonString(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static StringBuilder jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
