package io.tidings.sms.send;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SmsRate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rate card rules, and CSV in and out. An import checks every row before it writes one. */
@Component
class RateCards {

    static final String HEADER = "provider_id,country,traffic,sender_type,min_monthly_volume,price,currency";
    static final Set<String> TRAFFIC = Set.of("transactional", "marketing");
    static final Set<String> SENDER_TYPES = Set.of("short_code", "long_code", "alphanumeric");

    private final RateStore store;
    private final TransactionTemplate tx;

    RateCards(RateStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
    }

    List<SmsRate> all() {
        return store.all();
    }

    SmsRate save(SmsRate rate) {
        return store.upsert(check(rate, "rate"));
    }

    int importCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("csv", "The rate card is empty; its first line is " + HEADER);
        }
        String[] lines = csv.replace("\r", "").split("\n");
        if (!lines[0].strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new InvalidInputException("csv", "line 1: the header must be " + HEADER);
        }
        List<SmsRate> rates = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rates.add(parse(lines[i], "line " + (i + 1)));
            }
        }
        return tx.execute(s -> {
            rates.forEach(store::upsert);
            return rates.size();
        });
    }

    String exportCsv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (SmsRate r : store.all()) {
            out.append(r.providerId()).append(',').append(r.country()).append(',').append(r.traffic()).append(',')
                    .append(r.senderType()).append(',').append(r.minMonthlyVolume()).append(',')
                    .append(BigDecimal.valueOf(r.priceMicros(), 6).stripTrailingZeros().toPlainString()).append(',')
                    .append(r.currency()).append('\n');
        }
        return out.toString();
    }

    private SmsRate parse(String line, String where) {
        String[] cells = line.split(",", -1);
        if (cells.length != 7) {
            throw new InvalidInputException("csv", where + ": expected 7 columns (" + HEADER + "), got " + cells.length);
        }
        long provider = number(cells[0], where, "provider_id");
        long volume = cells[4].isBlank() ? 0 : number(cells[4], where, "min_monthly_volume");
        long micros;
        try {
            micros = new BigDecimal(cells[5].strip()).movePointRight(6).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException("csv", where + ": price '" + cells[5].strip()
                    + "' is not a decimal with at most 6 places");
        }
        return check(new SmsRate(null, provider, cells[1].strip().toUpperCase(Locale.ROOT),
                cells[2].strip().toLowerCase(Locale.ROOT), cells[3].strip().toLowerCase(Locale.ROOT), volume, micros,
                cells[6].strip().toUpperCase(Locale.ROOT)), where);
    }

    private SmsRate check(SmsRate r, String where) {
        String country = r.country() == null ? "" : r.country().strip().toUpperCase(Locale.ROOT);
        String currency = r.currency() == null ? "" : r.currency().strip().toUpperCase(Locale.ROOT);
        String traffic = r.traffic() == null ? "" : r.traffic().strip().toLowerCase(Locale.ROOT);
        String sender = r.senderType() == null ? "" : r.senderType().strip().toLowerCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidInputException("country", where + ": country '" + r.country() + "' is not an ISO 3166 code such as US");
        }
        if (!TRAFFIC.contains(traffic)) {
            throw new InvalidInputException("traffic", where + ": traffic must be transactional or marketing, not '" + r.traffic() + "'");
        }
        if (!SENDER_TYPES.contains(sender)) {
            throw new InvalidInputException("senderType", where + ": sender type must be short_code, long_code or alphanumeric, not '"
                    + r.senderType() + "'");
        }
        if (r.priceMicros() < 0 || r.minMonthlyVolume() < 0) {
            throw new InvalidInputException("price", where + ": price and volume cannot be negative");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", where + ": currency '" + r.currency() + "' is not an ISO 4217 code such as USD");
        }
        if (!store.providerExists(r.providerId())) {
            throw new InvalidInputException("providerId", where + ": there is no provider " + r.providerId());
        }
        return new SmsRate(r.id(), r.providerId(), country, traffic, sender, r.minMonthlyVolume(), r.priceMicros(), currency);
    }

    private static long number(String cell, String where, String column) {
        try {
            return Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("csv", where + ": " + column + " '" + cell.strip() + "' is not a whole number");
        }
    }
}
