/**
 * Contacts: who we talk to, on which channels they agreed to hear from us, the blocklist that
 * overrides everything, and the streaming CSV import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package io.tidings.contacts;
