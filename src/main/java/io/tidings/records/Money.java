package io.tidings.records;

import io.tidings.shared.InvalidInputException;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts are minor units plus an ISO currency; this checks the pair and converts typed decimals exactly. */
public final class Money {

    private Money() {
    }

    /** The currency, required (and checked) as soon as there is an amount. */
    static String currency(Long amount, String currency) {
        if (currency == null || currency.isBlank()) {
            if (amount != null) {
                throw new InvalidInputException("currency", "an amount needs a currency such as EUR");
            }
            return null;
        }
        try {
            return Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
    }

    /** "12.34" EUR becomes 1234; more decimals than the currency has is refused, never rounded. */
    public static long toMinor(String decimal, String currency, String field) {
        try {
            int digits = Math.max(0, Currency.getInstance(currency(0L, currency)).getDefaultFractionDigits());
            return new BigDecimal(decimal.strip()).movePointRight(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, "'" + decimal + "' is not an amount in " + currency);
        }
    }

    /** 1234 EUR becomes "12.34". */
    public static String format(Long minor, String currency) {
        if (minor == null || currency == null) {
            return "";
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
