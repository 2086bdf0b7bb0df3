package io.tidings.mail;

import java.util.Objects;

/**
 * One SMTP server as the sender uses it, with its real password. {@code key} tells pooled connections
 * apart: it changes whenever anything that affects the connection changes, so an edited server gets a
 * fresh connection instead of the old one.
 */
record SmtpTarget(Long id, String name, String host, int port, MailSecurity security, String username,
                  String password, int priority, boolean fromEnvironment) {

    /** The name of the server in TIDINGS_SMTP_URL. */
    static final String ENVIRONMENT = "environment";

    String key() {
        return (fromEnvironment ? "env" : "db-" + id) + ":" + Objects.hash(host, port, security, username, password);
    }

    boolean authenticates() {
        return username != null && !username.isEmpty();
    }

    /** The view the API and the UI show: the password masked. */
    MailServer view(boolean active) {
        return new MailServer(id, name, host, port, security, username, MailServer.mask(password), priority, active,
                fromEnvironment ? "environment" : "database");
    }

    @Override
    public String toString() {
        // never print the password
        return name + " (" + security.key() + "://" + host + ":" + port + ")";
    }
}
