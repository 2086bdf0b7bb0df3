package io.tidings.contacts;

import java.util.List;

/** {@code next} is the cursor for the following page, or null on the last page. */
public record ContactPage(List<Contact> items, String next) {
}
