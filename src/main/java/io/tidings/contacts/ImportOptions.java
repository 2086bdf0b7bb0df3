package io.tidings.contacts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Map;

/**
 * How an import treats its rows.
 *
 * @param dedup       the key that says two rows are the same person; a row without it falls back to the other key
 * @param onDuplicate what a row does to an existing contact (or an earlier row of the file) with the same key
 * @param mapping     CSV header to field: name, first_name, last_name, email, phone, country, timezone,
 *                    language, company, tags, custom:KEY or ignore. Unmapped headers use their own names,
 *                    and unknown ones become custom fields.
 */
public record ImportOptions(Dedup dedup, OnDuplicate onDuplicate, Map<String, String> mapping) {

    public ImportOptions {
        dedup = dedup == null ? Dedup.EMAIL : dedup;
        onDuplicate = onDuplicate == null ? OnDuplicate.UPDATE : onDuplicate;
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Dedup.EMAIL, OnDuplicate.UPDATE, Map.of());
    }

    public enum Dedup {
        EMAIL, PHONE;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Dedup parse(String text) {
            if ("email".equalsIgnoreCase(text)) {
                return EMAIL;
            }
            if ("phone".equalsIgnoreCase(text)) {
                return PHONE;
            }
            throw new IllegalArgumentException("dedup must be email or phone, not '" + text + "'");
        }
    }

    public enum OnDuplicate {
        UPDATE, SKIP;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static OnDuplicate parse(String text) {
            if ("update".equalsIgnoreCase(text)) {
                return UPDATE;
            }
            if ("skip".equalsIgnoreCase(text)) {
                return SKIP;
            }
            throw new IllegalArgumentException("onDuplicate must be update or skip, not '" + text + "'");
        }
    }
}
