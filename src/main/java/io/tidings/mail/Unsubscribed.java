package io.tidings.mail;

/** What an unsubscribe did: the contacts opted out of email, or the address blocklisted when it is no contact. */
public record Unsubscribed(String address, int contactsOptedOut, boolean blocklisted) {
}
