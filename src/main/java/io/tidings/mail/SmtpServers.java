package io.tidings.mail;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which SMTP servers there are: the one in TIDINGS_SMTP_URL (always, read at start) and those configured
 * in the database. Sending tries them by priority, lower first; the environment's wins a tie.
 */
@Component
class SmtpServers {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");
    private static final int MAX_TEXT = 200;

    private final MailServerStore store;
    private final Optional<SmtpTarget> environment;

    SmtpServers(MailServerStore store, MailSettings settings) {
        this.store = store;
        // a wrong URL stops the start with the parser's sentence, rather than mail silently not leaving
        this.environment = settings.smtpUrl() == null || settings.smtpUrl().isBlank() ? Optional.empty()
                : Optional.of(SmtpUrl.parse(settings.smtpUrl()));
    }

    /** The servers to try for a batch, in order. */
    List<SmtpTarget> sendingOrder() {
        List<SmtpTarget> all = new ArrayList<>(store.active());
        environment.ifPresent(all::add);
        all.sort(Comparator.comparingInt(SmtpTarget::priority).thenComparing(t -> !t.fromEnvironment()));
        return all;
    }

    /** Every server, masked: the environment's first. */
    List<MailServer> list() {
        List<MailServer> out = new ArrayList<>();
        environment.ifPresent(e -> out.add(e.view(true)));
        store.all().forEach(r -> out.add(r.target().view(r.active())));
        return out;
    }

    MailServer get(long id) {
        MailServerStore.Row r = store.find(id).orElseThrow(() -> missing(id));
        return r.target().view(r.active());
    }

    MailServer add(NewMailServer s) {
        if (s == null) {
            throw new InvalidInputException("name", "send a server: name, host, port, security");
        }
        String name = text("name", s.name(), true);
        if (name.equalsIgnoreCase(SmtpTarget.ENVIRONMENT)) {
            throw new InvalidInputException("name", "'environment' is the name of the server in TIDINGS_SMTP_URL");
        }
        String host = text("host", s.host(), true);
        if (!HOST.matcher(host).matches()) {
            throw new InvalidInputException("host", "'" + host + "' is not a host name or address");
        }
        MailSecurity security = s.security() == null ? MailSecurity.STARTTLS : MailSecurity.parse(s.security());
        int port = s.port() == null ? defaultPort(security) : s.port();
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "port must be 1 to 65535");
        }
        String user = text("username", s.username(), false);
        String password = s.password() == null || s.password().isEmpty() ? null : s.password();
        if (password != null && (password.length() > MAX_TEXT || hasLineBreak(password))) {
            throw new InvalidInputException("password", "a password has at most " + MAX_TEXT + " characters and no line breaks");
        }
        if (user == null && password != null) {
            throw new InvalidInputException("username", "a password needs a user name");
        }
        int priority = s.priority() == null ? 100 : s.priority();
        if (priority < 0 || priority > 10_000) {
            throw new InvalidInputException("priority", "priority is 0 to 10000 (lower is tried first)");
        }
        boolean active = s.active() == null || s.active();
        SmtpTarget t = new SmtpTarget(null, name, host, port, security, user, password, priority, false);
        long id = store.insert(t, active)
                .orElseThrow(() -> new ConflictException("There is already a mail server named '" + name + "'."));
        return get(id);
    }

    MailServer setActive(long id, boolean active) {
        if (!store.setActive(id, active)) {
            throw missing(id);
        }
        return get(id);
    }

    void delete(long id) {
        if (!store.delete(id)) {
            throw missing(id);
        }
    }

    static int defaultPort(MailSecurity security) {
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, field + " is required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_TEXT || hasLineBreak(v)) {
            throw new InvalidInputException(field, field + " has at most " + MAX_TEXT + " characters and no line breaks");
        }
        return v;
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }

    private static NotFoundException missing(long id) {
        return new NotFoundException("There is no mail server " + id + ".");
    }
}
