package io.tidings.sms;

import java.util.List;

/**
 * A rendered text, ready for the signature in front (the signature is never part of a template).
 *
 * @param text         the final text; variable values are in it literally
 * @param test         true for a test send: live links and coupons were replaced by placeholders
 * @param placeholders what the placeholders stand for ({@code {{coupon}}}, the links), in order; empty unless test
 */
public record RenderedSms(String text, boolean test, List<String> placeholders) {
}
