package io.tidings.mail;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One-click unsubscribe (RFC 8058). The link names the address in a signed token; honouring it opts
 * every contact with that address out of email, with a consent-log entry; an address that is no contact
 * goes on the email blocklist, the only place its wish can be kept.
 */
@Component
class Unsubscribes {

    static final String PATH = "/mail/unsubscribe/";

    /** What honouring a token did. */
    record Outcome(String address, List<Long> optedOutContacts, boolean blocklisted) {
    }

    private final MailTokens tokens;
    private final MailSettings mail;
    private final SmtpSettings smtp;
    private final ContactsApi contacts;

    Unsubscribes(MailTokens tokens, MailSettings mail, SmtpSettings smtp, ContactsApi contacts) {
        this.tokens = tokens;
        this.mail = mail;
        this.smtp = smtp;
        this.contacts = contacts;
    }

    String url(String address) {
        return smtp.publicBaseUrl() + PATH + tokens.unsubscribeToken(address);
    }

    /** {@code mailto:unsubscribe@<domain>?subject=unsubscribe <token>}: the subject keeps the token's case. */
    String mailto(String address) {
        String subject = URLEncoder.encode("unsubscribe " + tokens.unsubscribeToken(address), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "mailto:unsubscribe@" + mail.domain() + "?subject=" + subject;
    }

    Optional<String> address(String token) {
        return tokens.parseUnsubscribe(token);
    }

    /** Empty when the token is not one we signed. Doing it twice changes nothing more. */
    @Transactional
    Optional<Outcome> unsubscribe(String token, String how, String ip) {
        Optional<String> address = tokens.parseUnsubscribe(token);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String a = address.get();
        List<Long> ids = contacts.search(new ContactQuery(a, null, null, 50)).items().stream()
                .filter(c -> a.equalsIgnoreCase(c.email())).map(Contact::id).toList();
        for (long id : ids) {
            if (contacts.get(id).emailConsent() != ConsentState.OPTED_OUT) {
                contacts.changeConsent(id, new ConsentChange(Channel.EMAIL, ConsentState.OPTED_OUT, how,
                        "List-Unsubscribe", "recipient", ip));
            }
        }
        boolean blocked = false;
        if (ids.isEmpty() && !contacts.isBlocked(Channel.EMAIL, a)) {
            contacts.block(Channel.EMAIL, a, "unsubscribed by link", "recipient");
            blocked = true;
        }
        return Optional.of(new Outcome(a, ids, blocked));
    }
}
