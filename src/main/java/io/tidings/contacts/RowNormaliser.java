package io.tidings.contacts;

import io.tidings.contacts.ColumnMapping.Field;
import io.tidings.shared.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns CSV rows into {@link StagedRow}s, or into the reason they cannot be imported. Runs on the
 * normaliser threads: it holds no state besides its configuration.
 */
final class RowNormaliser {

    /** What {@link QuoteResync} puts in place of a line with a quote that never closes. */
    static final String BROKEN_LINE = QuoteResync.BROKEN_LINE;

    private final ColumnMapping mapping;
    private final PhoneNormaliser phones;
    private final ImportOptions.Dedup dedup;

    RowNormaliser(ColumnMapping mapping, PhoneNormaliser phones, ImportOptions.Dedup dedup) {
        this.mapping = mapping;
        this.phones = phones;
        this.dedup = dedup;
    }

    /** A batch of rows, in file order. */
    record Batch(List<StagedRow> rows, List<RejectedRow> rejected) {
    }

    /** One parsed CSV record with its data row number. */
    record Raw(long row, String[] fields) {
    }

    Batch normalise(List<Raw> raws) {
        Batch batch = new Batch(new java.util.ArrayList<>(raws.size()), new java.util.ArrayList<>());
        for (Raw raw : raws) {
            try {
                batch.rows().add(normalise(raw.row(), raw.fields()));
            } catch (InvalidInputException e) {
                batch.rejected().add(new RejectedRow(raw.row(), e.field(), e.getMessage()));
            }
        }
        return batch;
    }

    /** @throws InvalidInputException naming the CSV column (its header) and the reason */
    StagedRow normalise(long row, String[] f) {
        if (f.length == 1 && BROKEN_LINE.equals(f[0])) {
            throw new InvalidInputException(null, "a quoted field is never closed (unbalanced \")");
        }
        if (f.length != mapping.columns()) {
            throw new InvalidInputException(null, "expected " + mapping.columns() + " columns, found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].indexOf('\uFFFD') >= 0) {
                throw new InvalidInputException(mapping.header(i), "not valid UTF-8");
            }
            if (f[i].indexOf('\u0000') >= 0) {
                // PostgreSQL text cannot hold NUL
                throw new InvalidInputException(mapping.header(i), "contains a NUL character");
            }
        }
        String email = mapping.value(f, Field.EMAIL);
        String phoneRaw = mapping.value(f, Field.PHONE);
        try {
            email = email == null ? null : EmailAddresses.normalise(email);
        } catch (InvalidInputException e) {
            throw in(f, Field.EMAIL, e);
        }
        String country = checked(f, Field.COUNTRY, () -> ContactFields.country(mapping.value(f, Field.COUNTRY)));
        PhoneInfo phone = null;
        if (phoneRaw != null) {
            try {
                phone = phones.normalise(phoneRaw, country);
            } catch (InvalidInputException e) {
                throw in(f, Field.PHONE, e);
            }
        }
        if (email == null && phone == null) {
            throw new InvalidInputException(null, "needs an email or a phone");
        }
        String matchOn = dedup == ImportOptions.Dedup.EMAIL
                ? (email != null ? StagedRow.MATCH_EMAIL : StagedRow.MATCH_PHONE)
                : (phone != null ? StagedRow.MATCH_PHONE : StagedRow.MATCH_EMAIL);
        StagedRow s = new StagedRow(row, matchOn);
        s.email = email;
        if (phone != null) {
            s.phone = phone.e164();
            s.phoneCountry = phone.region();
            s.phoneType = phone.type();
            s.phoneTimezone = phone.timezone();
        }
        s.country = country;
        s.name = checked(f, Field.NAME, () -> ContactFields.text("name", name(f)));
        s.company = checked(f, Field.COMPANY, () -> ContactFields.text("company", mapping.value(f, Field.COMPANY)));
        s.timezone = checked(f, Field.TIMEZONE, () -> ContactFields.timezone(mapping.value(f, Field.TIMEZONE)));
        s.language = checked(f, Field.LANGUAGE, () -> ContactFields.language(mapping.value(f, Field.LANGUAGE)));
        s.tags = checked(f, Field.TAGS, () -> ContactFields.tagsFromCell(mapping.value(f, Field.TAGS)));
        s.custom = custom(f);
        return s;
    }

    private String name(String[] f) {
        String name = mapping.value(f, Field.NAME);
        if (name != null) {
            return name;
        }
        String first = mapping.value(f, Field.FIRST_NAME);
        String last = mapping.value(f, Field.LAST_NAME);
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private Map<String, String> custom(String[] f) {
        Map<String, String> custom = null;
        for (Map.Entry<String, int[]> e : mapping.customColumns().entrySet()) {
            String v = ColumnMapping.first(f, e.getValue());
            if (v == null) {
                continue;
            }
            if (v.length() > ContactFields.MAX_CUSTOM_VALUE) {
                throw new InvalidInputException(mapping.header(e.getValue()[0]),
                        "too long (at most " + ContactFields.MAX_CUSTOM_VALUE + " characters)");
            }
            if (custom == null) {
                custom = new LinkedHashMap<>();
            }
            custom.put(e.getKey(), v);
        }
        return custom;
    }

    private <T> T checked(String[] f, Field field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            throw in(f, field, e);
        }
    }

    /** The same reason, named after the CSV column instead of the contact field. */
    private InvalidInputException in(String[] f, Field field, InvalidInputException e) {
        return new InvalidInputException(mapping.source(f, field), e.getMessage());
    }
}
