package io.tidings.contacts;

import io.tidings.shared.InvalidInputException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The plain fields of a contact, checked the same way from a form, the API or an import. */
final class ContactFields {

    static final int MAX_TEXT = 200;
    static final int MAX_TAG = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_CUSTOM_VALUE = 2000;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;|]");

    private ContactFields() {
    }

    /** Trimmed, or null when blank. */
    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static String text(String field, String value) {
        String v = blankToNull(value);
        if (v != null && v.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "too long (at most " + MAX_TEXT + " characters)");
        }
        return v;
    }

    static String country(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        String code = v.toUpperCase(Locale.ROOT);
        if (code.length() != 2 || !COUNTRIES.contains(code)) {
            throw new InvalidInputException("country", "'" + v + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }

    static String timezone(String value) {
        String v = blankToNull(value);
        if (v != null && !ZONES.contains(v)) {
            throw new InvalidInputException("timezone", "'" + v + "' is not a known time zone (use e.g. Europe/Berlin)");
        }
        return v;
    }

    static String language(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!LANGUAGE.matcher(v).matches()) {
            throw new InvalidInputException("language", "'" + v + "' is not a language tag (use e.g. en or pt-BR)");
        }
        return Locale.forLanguageTag(v.replace('_', '-')).toLanguageTag();
    }

    /** Tags from one CSV cell: separated by ; or |. */
    static List<String> tagsFromCell(String cell) {
        String v = blankToNull(cell);
        return v == null ? null : tags(List.of(TAG_SEPARATORS.split(v)));
    }

    /** Trimmed, blank ones dropped, duplicates dropped, order kept. */
    static List<String> tags(List<String> raw) {
        if (raw == null) {
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String t = blankToNull(tag);
            if (t == null) {
                continue;
            }
            if (t.length() > MAX_TAG) {
                throw new InvalidInputException("tags", "tag '" + t.substring(0, 20) + "…' is longer than " + MAX_TAG + " characters");
            }
            tags.add(t);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "more than " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(tags);
    }
}
