package io.tidings.mail;

import java.time.Instant;

/** A configured IMAP mailbox as shown: the password never leaves the server, {@link #password()} is masked. */
public record ImapMailbox(long id, String name, String host, int port, boolean tls, String username, String folder,
                          boolean enabled, Long uidValidity, long lastUid, Instant lastPollAt, String lastError,
                          long fetched) {

    @com.fasterxml.jackson.annotation.JsonProperty("password")
    public String password() {
        return "********";
    }
}
