package io.tidings.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** One valid CSV row on its way to the staging table; later rows of the same person merge into it. */
final class StagedRow {

    static final String MATCH_EMAIL = "email";
    static final String MATCH_PHONE = "phone";

    final long row;
    final String matchOn;
    String name;
    String email;
    String phone;
    String phoneCountry;
    String phoneType;
    String phoneTimezone;
    String country;
    String timezone;
    String language;
    String company;
    List<String> tags;
    Map<String, String> custom;
    /** Rows of the file merged into this one, so a rejection can name them too. */
    List<Long> mergedRows = List.of();

    StagedRow(long row, String matchOn) {
        this.row = row;
        this.matchOn = matchOn;
    }

    int merged() {
        return mergedRows.size();
    }

    /** A later row of the same person: what it says wins, tags add up, custom fields merge by key. */
    void mergeFrom(StagedRow later) {
        if (mergedRows.isEmpty()) {
            mergedRows = new ArrayList<>(2);
        }
        mergedRows.add(later.row);
        name = pick(later.name, name);
        email = pick(later.email, email);
        if (later.phone != null) {
            phone = later.phone;
            phoneCountry = later.phoneCountry;
            phoneType = later.phoneType;
            phoneTimezone = later.phoneTimezone;
        }
        country = pick(later.country, country);
        timezone = pick(later.timezone, timezone);
        language = pick(later.language, language);
        company = pick(later.company, company);
        if (later.tags != null) {
            if (tags == null) {
                tags = later.tags;
            } else {
                LinkedHashSet<String> all = new LinkedHashSet<>(tags);
                all.addAll(later.tags);
                tags = new ArrayList<>(all);
            }
        }
        if (later.custom != null) {
            if (custom == null) {
                custom = later.custom;
            } else {
                Map<String, String> all = new LinkedHashMap<>(custom);
                all.putAll(later.custom);
                custom = all;
            }
        }
    }

    private static String pick(String later, String earlier) {
        return later != null ? later : earlier;
    }
}
