package io.tidings.sms;

/**
 * A rate card line: the price of one segment on a route from a monthly volume on. {@code priceMicros}
 * is millionths of {@code currency} (0.0075 USD = 7500), so prices are exact integers.
 *
 * @param traffic    transactional or marketing
 * @param senderType short_code, long_code or alphanumeric
 */
public record SmsRate(Long id, long providerId, String country, String traffic, String senderType,
                      long minMonthlyVolume, long priceMicros, String currency) {
}
