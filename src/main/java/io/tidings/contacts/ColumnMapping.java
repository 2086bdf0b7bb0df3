package io.tidings.contacts;

import io.tidings.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV columns feed which contact field. Headers are matched by name (and common aliases such
 * as mobile or e-mail); {@code map.<header>=<field>} overrides that; every other column becomes a
 * custom field under its header. When several columns feed one field, the first non-blank wins.
 */
final class ColumnMapping {

    enum Field { NAME, FIRST_NAME, LAST_NAME, EMAIL, PHONE, COUNTRY, TIMEZONE, LANGUAGE, COMPANY, TAGS }

    private static final Map<String, Field> ALIASES = new LinkedHashMap<>();
    // Columns our own export writes that describe the stored contact, not the person: a re-import of
    // an export ignores them instead of turning them into custom fields.
    private static final java.util.Set<String> EXPORT_ONLY = java.util.Set.of("id", "phone_country", "phone_type",
            "email_consent", "sms_consent", "created_at", "updated_at");

    static {
        alias(Field.NAME, "name", "full_name", "fullname", "contact_name", "contact");
        alias(Field.FIRST_NAME, "first_name", "firstname", "first", "given_name", "forename");
        alias(Field.LAST_NAME, "last_name", "lastname", "last", "surname", "family_name");
        alias(Field.EMAIL, "email", "e_mail", "email_address", "mail");
        alias(Field.PHONE, "phone", "mobile", "phone_number", "mobile_phone", "mobile_number", "cell", "cellphone",
                "telephone", "tel", "msisdn");
        alias(Field.COUNTRY, "country", "country_code");
        alias(Field.TIMEZONE, "timezone", "time_zone", "tz");
        alias(Field.LANGUAGE, "language", "lang", "locale");
        alias(Field.COMPANY, "company", "company_name", "organization", "organisation", "org");
        alias(Field.TAGS, "tags", "tag", "labels");
    }

    private static void alias(Field field, String... names) {
        for (String n : names) {
            ALIASES.put(n, field);
        }
    }

    private final int columns;
    private final List<String> headers;
    private final Map<Field, int[]> fields;
    private final Map<String, int[]> custom;

    private ColumnMapping(int columns, List<String> headers, Map<Field, int[]> fields, Map<String, int[]> custom) {
        this.columns = columns;
        this.headers = headers;
        this.fields = fields;
        this.custom = custom;
    }

    /** @param explicit CSV header (any case) to field: a {@link Field} name, custom:KEY or ignore */
    static ColumnMapping of(List<String> header, Map<String, String> explicit) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        explicit.forEach((k, v) -> byHeader.put(k.strip().toLowerCase(Locale.ROOT), v));
        Map<Field, List<Integer>> fields = new EnumMap<>(Field.class);
        Map<String, List<Integer>> custom = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            headers.add(h.isEmpty() ? "column " + (i + 1) : h);
            String target = byHeader.remove(h.toLowerCase(Locale.ROOT));
            if (target == null) {
                Field f = ALIASES.get(normalise(h));
                if (EXPORT_ONLY.contains(h)) {
                    continue;
                }
                if (f != null) {
                    fields.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
                } else if (!h.isEmpty()) {
                    custom.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
                }
                continue;
            }
            String t = target.strip();
            if (t.equalsIgnoreCase("ignore")) {
                continue;
            }
            if (t.regionMatches(true, 0, "custom:", 0, 7) || t.regionMatches(true, 0, "custom.", 0, 7)) {
                String key = t.substring(7).strip();
                if (key.isEmpty()) {
                    throw new InvalidInputException("map." + h, "custom: needs a key, as in custom:plan");
                }
                custom.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                continue;
            }
            Field f = field(t);
            if (f == null) {
                throw new InvalidInputException("map." + h, "unknown field '" + t + "': use name, first_name, last_name,"
                        + " email, phone, country, timezone, language, company, tags, custom:KEY or ignore");
            }
            fields.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
        }
        if (!byHeader.isEmpty()) {
            String missing = byHeader.keySet().iterator().next();
            throw new InvalidInputException("map." + missing, "the file has no column named '" + missing + "'");
        }
        if (!fields.containsKey(Field.EMAIL) && !fields.containsKey(Field.PHONE)) {
            throw new InvalidInputException("file", "the header names no email or phone column (found: "
                    + String.join(", ", headers) + ")");
        }
        Map<Field, int[]> f = new EnumMap<>(Field.class);
        fields.forEach((k, v) -> f.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, int[]> c = new LinkedHashMap<>();
        custom.forEach((k, v) -> c.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new ColumnMapping(header.size(), List.copyOf(headers), f, c);
    }

    private static Field field(String name) {
        String n = normalise(name);
        for (Field f : Field.values()) {
            if (f.name().equalsIgnoreCase(n)) {
                return f;
            }
        }
        return null;
    }

    private static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-.]+", "_");
    }

    int columns() {
        return columns;
    }

    String header(int column) {
        return headers.get(column);
    }

    /** The header of the column that feeds a field, for naming it in a rejection. */
    String header(Field field) {
        int[] cols = fields.get(field);
        return cols == null ? field.name().toLowerCase(Locale.ROOT) : headers.get(cols[0]);
    }

    /** The first non-blank value among the field's columns, stripped; null if none. */
    String value(String[] row, Field field) {
        return first(row, fields.get(field));
    }

    /** The column that gave {@link #value}, for naming it in a rejection. */
    String source(String[] row, Field field) {
        int[] cols = fields.get(field);
        if (cols != null) {
            for (int c : cols) {
                if (c < row.length && !row[c].isBlank()) {
                    return headers.get(c);
                }
            }
        }
        return header(field);
    }

    Map<String, int[]> customColumns() {
        return custom;
    }

    static String first(String[] row, int[] cols) {
        if (cols == null) {
            return null;
        }
        for (int c : cols) {
            if (c < row.length) {
                String v = row[c];
                if (!v.isEmpty() && !v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }
}
