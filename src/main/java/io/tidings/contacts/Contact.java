package io.tidings.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored contact. {@code phone} is E.164; {@code phoneCountry} and {@code phoneType} describe the
 * number (its region and mobile, fixed_line, voip, ...), while {@code country} is the person's.
 */
public record Contact(long id, String name, String email, String phone, String phoneCountry, String phoneType,
                      String country, String timezone, String language, String company, List<String> tags,
                      Map<String, Object> customFields, ConsentState emailConsent, ConsentState smsConsent,
                      Instant createdAt, Instant updatedAt) {
}
