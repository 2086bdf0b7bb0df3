package io.tidings.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads {@code TIDINGS_SMTP_URL}: {@code smtp://[user:pass@]host[:port][?starttls=true&priority=N]} or
 * {@code smtps://[user:pass@]host[:port][?priority=N]}. User and password are percent-decoded, so a
 * password may hold {@code @ : /} written as {@code %40 %3A %2F}. Every mistake names what is wrong.
 */
final class SmtpUrl {

    private SmtpUrl() {
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong (never echoing the password) */
    static SmtpTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL is empty");
        }
        String raw = text.strip();
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL is not a URL (" + e.getReason()
                    + "); write it as smtp://user:pass@host:587?starttls=true, with special characters in the password percent-encoded");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        MailSecurity security = switch (scheme) {
            case "smtp" -> MailSecurity.NONE;
            case "smtps" -> MailSecurity.TLS;
            default -> throw new IllegalArgumentException("TIDINGS_SMTP_URL must start with smtp:// or smtps://, not '"
                    + (scheme.isEmpty() ? "(no scheme)" : scheme) + "://'");
        };
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL names no host: write smtp://host:port");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL has no valid host name (a port that is not a number also causes this)");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL has a path ('" + uri.getRawPath() + "'); an SMTP URL has none");
        }
        int port = uri.getPort();
        if (port == -1) {
            port = security == MailSecurity.TLS ? 465 : 25;
        } else if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL port must be 1 to 65535, not " + port);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("TIDINGS_SMTP_URL has a user but no password: write user:password@host");
            }
            user = decode(info.substring(0, colon), "user name");
            password = decode(info.substring(colon + 1), "password");
        }
        int priority = 0;
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), key);
                switch (key) {
                    case "starttls" -> {
                        boolean on = bool(value, key);
                        if (on && security == MailSecurity.TLS) {
                            throw new IllegalArgumentException("TIDINGS_SMTP_URL: starttls=true does not go with smtps://, which is TLS already");
                        }
                        if (security != MailSecurity.TLS) {
                            security = on ? MailSecurity.STARTTLS : MailSecurity.NONE;
                        }
                    }
                    case "priority" -> {
                        try {
                            priority = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("TIDINGS_SMTP_URL: priority must be a whole number, not '" + value + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("TIDINGS_SMTP_URL: unknown parameter '" + key
                            + "' (known: starttls, priority)");
                }
            }
        }
        return new SmtpTarget(null, SmtpTarget.ENVIRONMENT, host, port, security, user, password, priority, true);
    }

    private static boolean bool(String value, String key) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("TIDINGS_SMTP_URL: " + key + " must be true or false, not '" + value + "'");
        };
    }

    private static String decode(String part, String what) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TIDINGS_SMTP_URL: the " + what + " has a bad %-escape");
        }
    }
}
