package io.tidings.contacts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The COPY text StageCopy streams, byte for byte against the plain String-building encoder it
 * replaced (kept here as the reference), over values with every escape, non-Latin letters,
 * emoji and unpaired surrogates, in buffers that fill mid-row.
 */
class ImportStageCopyTest {

    private static final String[] PIECES = {"a", "Zoë", "Łódź", "東京", "😀", "\\", "\t", "\n", "\r", "\"", ",", "{",
            "}", "NULL", " ", "\u0001", "\u001f", "\uD83D", "\uDE00", "x".repeat(300), "é", "\u00a0", "'", ":"};

    @Test
    void streamedRowsAreByteForByteWhatTheStringEncoderWrote() {
        SplittableRandom random = new SplittableRandom(7);
        List<StagedRow> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            StagedRow r = new StagedRow(i + 1, i % 3 == 0 ? StagedRow.MATCH_PHONE : StagedRow.MATCH_EMAIL);
            r.name = value(random);
            r.email = value(random);
            r.phone = value(random);
            r.phoneCountry = value(random);
            r.phoneType = value(random);
            r.phoneTimezone = value(random);
            r.country = value(random);
            r.timezone = value(random);
            r.language = value(random);
            r.company = value(random);
            if (random.nextInt(4) > 0) {
                List<String> tags = new ArrayList<>();
                for (int t = random.nextInt(4); t >= 0; t--) {
                    String tag = value(random);
                    tags.add(tag == null ? "" : tag);
                }
                r.tags = tags;
            }
            if (random.nextInt(3) == 0) {
                Map<String, String> custom = new LinkedHashMap<>();
                custom.put("plan" + random.nextInt(3), String.valueOf(value(random)));
                custom.put(String.valueOf(value(random)), String.valueOf(value(random)));
                r.custom = custom;
            }
            if (random.nextInt(10) == 0) {
                r.mergeFrom(new StagedRow(100_000 + i, r.matchOn));
            }
            rows.add(r);
        }

        byte[] streamed = StageCopy.encode(rows);

        assertThat(streamed.length).isGreaterThan(10 * StageCopy.BUFFER_BYTES);
        assertThat(new String(streamed, StandardCharsets.UTF_8)).isEqualTo(new String(reference(rows), StandardCharsets.UTF_8));
        assertThat(streamed).isEqualTo(reference(rows));
    }

    private static String value(SplittableRandom random) {
        if (random.nextInt(6) == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(6); n >= 0; n--) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    // ---- the encoder StageCopy had before it streamed bytes ----

    private static byte[] reference(List<StagedRow> rows) {
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
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

    private static String arrayLiteral(StringBuilder sb, List<String> values) {
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

    private static String jsonObject(StringBuilder sb, Map<String, String> values) {
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
