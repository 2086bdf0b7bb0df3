package io.tidings.mail;

/**
 * An outgoing SMTP server as shown to people: the password is masked. {@code source} is
 * {@code environment} for the one in TIDINGS_SMTP_URL (read only, id null) or {@code database}.
 */
public record MailServer(Long id, String name, String host, int port, MailSecurity security, String username,
                         String password, int priority, boolean active, String source) {

    static final String MASK = "••••";

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? null : MASK;
    }
}
