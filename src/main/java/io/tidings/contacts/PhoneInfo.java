package io.tidings.contacts;

/**
 * A phone number as libphonenumber understands it: E.164, the region it belongs to, its type
 * (mobile, fixed_line, fixed_line_or_mobile, voip, toll_free, ...) and a time zone, when the
 * number says one.
 */
public record PhoneInfo(String e164, String region, String type, String timezone) {
}
