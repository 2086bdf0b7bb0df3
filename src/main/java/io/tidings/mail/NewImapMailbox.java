package io.tidings.mail;

/**
 * An IMAP mailbox to fetch. {@code tls} true is imaps (TLS from the first byte, port 993 by default),
 * false plain imap (143). The folder defaults to INBOX.
 */
public record NewImapMailbox(String name, String host, Integer port, Boolean tls, String username, String password,
                             String folder) {
}
