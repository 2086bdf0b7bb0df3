package io.tidings.contacts;

import java.util.List;
import java.util.Map;

/**
 * What a person types in to create a contact. Only email or phone is required. The phone may be in
 * any format; without a leading + it is read in {@code country}, or in the default region.
 */
public record NewContact(String name, String email, String phone, String country, String timezone,
                         String language, String company, List<String> tags, Map<String, Object> customFields) {

    public static NewContact of(String name, String email, String phone) {
        return new NewContact(name, email, phone, null, null, null, null, null, null);
    }
}
