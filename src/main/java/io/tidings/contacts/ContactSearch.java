package io.tidings.contacts;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.tidings.shared.InvalidInputException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Search pages and the CSV export, which walks the same keyset pages to the end. */
@Component
class ContactSearch {

    static final int DEFAULT_LIMIT = 50;
    private static final int EXPORT_BATCH = 5000;
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\s./-]+");
    static final List<String> EXPORT_COLUMNS = List.of("id", "name", "email", "phone", "phone_country", "phone_type",
            "country", "timezone", "language", "company", "tags", "email_consent", "sms_consent", "created_at",
            "updated_at");

    private final ContactStore store;
    private final PhoneNormaliser phones;

    ContactSearch(ContactStore store, PhoneNormaliser phones) {
        this.store = store;
        this.phones = phones;
    }

    ContactPage search(ContactQuery q) {
        int limit = q.limit() <= 0 ? DEFAULT_LIMIT : Math.min(q.limit(), ContactQuery.MAX_LIMIT);
        // one row more than asked says whether there is a next page
        List<Contact> rows = store.search(terms(q.q()), blankToNull(q.tag()), cursor(q.after()), limit + 1);
        if (rows.size() <= limit) {
            return new ContactPage(rows, null);
        }
        List<Contact> page = rows.subList(0, limit);
        return new ContactPage(List.copyOf(page), Long.toString(page.getLast().id()));
    }

    void export(ContactQuery q, Writer out) {
        ContactStore.SearchTerms terms = terms(q.q());
        String tag = blankToNull(q.tag());
        long after = cursor(q.after());
        try {
            CsvWriter csv = CsvWriter.builder().build(out);
            List<String> custom = store.customFieldNames(200);
            List<String> header = new ArrayList<>(EXPORT_COLUMNS);
            header.addAll(custom);
            csv.writeRecord(header.stream().map(CsvCells::neutralise).toList());
            while (true) {
                List<Contact> batch = store.search(terms, tag, after, EXPORT_BATCH);
                for (Contact c : batch) {
                    csv.writeRecord(row(c, custom));
                }
                csv.flush();
                if (batch.size() < EXPORT_BATCH) {
                    return;
                }
                after = batch.getLast().id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(Contact c, List<String> custom) {
        List<String> cells = new ArrayList<>(EXPORT_COLUMNS.size() + custom.size());
        cells.add(Long.toString(c.id()));
        cells.add(c.name());
        cells.add(c.email());
        cells.add(c.phone());
        cells.add(c.phoneCountry());
        cells.add(c.phoneType());
        cells.add(c.country());
        cells.add(c.timezone());
        cells.add(c.language());
        cells.add(c.company());
        cells.add(String.join(";", c.tags()));
        cells.add(c.emailConsent().key());
        cells.add(c.smsConsent().key());
        cells.add(c.createdAt() == null ? null : c.createdAt().toString());
        cells.add(c.updatedAt() == null ? null : c.updatedAt().toString());
        for (String key : custom) {
            Object v = c.customFields().get(key);
            cells.add(v == null ? null : v instanceof String s ? s : ContactRows.JSON.writeValueAsString(v));
        }
        return cells.stream().map(CsvCells::neutralise).toList();
    }

    /**
     * What q looks for: a substring of the name, company or phone (a phone-looking q is matched as
     * the number it is, or by its digits), or the beginning of the email or of its domain.
     */
    ContactStore.SearchTerms terms(String q) {
        String text = blankToNull(q);
        if (text == null) {
            return ContactStore.SearchTerms.NONE;
        }
        String email = like(text.toLowerCase(Locale.ROOT));
        String domain = text.startsWith("@") ? like(text.substring(1).toLowerCase(Locale.ROOT)) : email;
        return new ContactStore.SearchTerms(pattern(text), email + "%", domain + "%");
    }

    /** An ILIKE pattern for q; a phone-looking q is matched as the number it is, or by its digits. */
    String pattern(String q) {
        String text = blankToNull(q);
        if (text == null) {
            return null;
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            String digits = text.replaceAll("[^0-9]", "");
            if (digits.length() >= 5) {
                try {
                    return "%" + phones.normalise(text, null).e164() + "%";
                } catch (InvalidInputException e) {
                    // Not a whole number of the default region: match the digits, without the trunk
                    // or international prefix zeros that the stored E.164 form does not have.
                    return "%" + digits.replaceFirst("^0+", "") + "%";
                }
            }
        }
        return "%" + like(text) + "%";
    }

    /** q as literal text in a LIKE pattern. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be the 'next' cursor of a previous page");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
