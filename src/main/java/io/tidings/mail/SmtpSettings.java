package io.tidings.mail;

import java.net.URI;
import java.time.Duration;

/**
 * How outgoing mail is sent, from {@code tidings.mail.smtp.*} and {@code tidings.public-base-url} (see {@link SmtpConfig}).
 *
 * @param timeout                   connect, read and write timeout of an SMTP connection
 * @param poolSize                  idle connections kept open per server between batches
 * @param maxMessagesPerConnection  a connection is closed and opened anew after this many messages
 * @param downFor                   after a connection error a server is tried last for this long
 * @param publicBaseUrl             where recipients reach this server; unsubscribe links are built on it
 */
record SmtpSettings(Duration timeout, int poolSize, int maxMessagesPerConnection, Duration downFor, String publicBaseUrl) {

    SmtpSettings {
        if (timeout.isNegative() || timeout.isZero() || poolSize < 1 || maxMessagesPerConnection < 1 || downFor.isNegative()) {
            throw new IllegalArgumentException("tidings.mail.smtp: timeout > 0, pool-size >= 1, max-messages-per-connection >= 1 are required");
        }
        publicBaseUrl = base(publicBaseUrl);
    }

    /** Unset, links point at a local server on the default port, as short links do. */
    private static String base(String configured) {
        String b = configured == null || configured.isBlank() ? "http://localhost:8080" : configured.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        URI uri = URI.create(b);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalStateException("tidings.public-base-url must be an http(s) URL such as https://t.example.com, not '"
                    + configured + "'");
        }
        return b;
    }
}
