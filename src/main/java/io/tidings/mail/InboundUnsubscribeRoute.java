package io.tidings.mail;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code mailto:} half of List-Unsubscribe: mail to {@code unsubscribe@<our domain>} whose subject carries the
 * signed token we put there ({@code unsubscribe <token>}) opts that token's address out of email, exactly as the
 * one-click POST does. Without a token we signed it changes nothing and waits in the catch-all for a person.
 */
@Component
@Order(25)
class InboundUnsubscribeRoute implements InboundRoute {

    static final String LOCAL_PART = "unsubscribe";
    private static final Pattern TOKEN = Pattern.compile("(?i:unsubscribe)\\s+([A-Za-z0-9_-]+\\.[0-9a-fA-F]{16,64})");

    private final InboundRecipients recipients;
    private final Unsubscribes unsubscribes;

    InboundUnsubscribeRoute(InboundRecipients recipients, Unsubscribes unsubscribes) {
        this.recipients = recipients;
        this.unsubscribes = unsubscribes;
    }

    @Override
    public Optional<InboundRouting> route(InboundMessage mail) {
        boolean toUs = mail.allRecipients().stream().anyMatch(a -> recipients.isOurs(a)
                && a.substring(0, a.lastIndexOf('@')).toLowerCase(Locale.ROOT).equals(LOCAL_PART));
        if (!toUs) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(mail.subject() == null ? "" : mail.subject());
        if (!m.find()) {
            return Optional.of(InboundRouting.catchall("mail to " + LOCAL_PART + "@ without an unsubscribe token in its subject"));
        }
        return unsubscribes.unsubscribe(m.group(1), "mailto", null)
                .map(o -> InboundRouting.to("unsubscribe", "opted " + o.address() + " out of email by mail", null, null))
                .or(() -> Optional.of(InboundRouting.catchall("mail to " + LOCAL_PART + "@ with a token we did not sign")));
    }
}
