package io.tidings.sms;

import io.tidings.dispatch.Traffic;

import java.util.List;
import java.util.Map;

/**
 * What to send to whom. Recipients are contact ids, raw phone numbers, and/or every contact matching a
 * search ({@code q}, {@code tag}); the text is {@code text} or the template {@code templateId}, with
 * {@code {{contact.*}}} variables filled per recipient and {@code values} for send-wide ones (coupon…).
 *
 * @param context      template context level (customer, order, product); null for customer
 * @param profile      {@code intl} (GSM/UCS-2 segments) or {@code cn} (seed 001 billing, signature required)
 * @param signature    the sender signature, required under cn and only used there
 * @param unsubscribe  text appended to every message (cn counts it), such as "回T退订"; may be null
 * @param test         a test send: placeholders instead of live links and coupons, marked as a test
 */
public record SendRequest(List<Long> contactIds, List<String> phones, String q, String tag, String text,
                          Long templateId, String context, Map<String, String> values, Traffic traffic,
                          String profile, boolean smartEncoding, String signature, String unsubscribe,
                          boolean test) {

    public SendRequest {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        phones = phones == null ? List.of() : List.copyOf(phones);
        values = values == null ? Map.of() : Map.copyOf(values);
        traffic = traffic == null ? Traffic.TRANSACTIONAL : traffic;
        profile = profile == null || profile.isBlank() ? "intl" : profile.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A plain text to some contacts, intl profile. */
    public static SendRequest text(String text, Traffic traffic, List<Long> contactIds, List<String> phones) {
        return new SendRequest(contactIds, phones, null, null, text, null, null, null, traffic, "intl", false,
                null, null, false);
    }

    public SendRequest asTest() {
        return new SendRequest(contactIds, phones, q, tag, text, templateId, context, values, traffic, profile,
                smartEncoding, signature, unsubscribe, true);
    }

    public SendRequest withCn(String signature, String unsubscribe) {
        return new SendRequest(contactIds, phones, q, tag, text, templateId, context, values, traffic, "cn",
                smartEncoding, signature, unsubscribe, test);
    }

    public boolean hasRecipients() {
        return !contactIds.isEmpty() || !phones.isEmpty() || (q != null && !q.isBlank()) || (tag != null && !tag.isBlank());
    }
}
