package io.tidings.sms.send;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.PhoneInfo;
import io.tidings.sms.SmsCount;
import io.tidings.sms.SmsCounter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * An answer to a customer's message (a keyword confirmation, the help text): transactional, outside
 * any send and its credits, and back through the provider that received the message when it can.
 */
@Component
public class Replies {

    private final SmsSends sends;
    private final Router router;
    private final ContactsApi contacts;
    private final TransactionTemplate tx;

    Replies(SmsSends sends, Router router, ContactsApi contacts, PlatformTransactionManager transactions) {
        this.sends = sends;
        this.router = router;
        this.contacts = contacts;
        this.tx = new TransactionTemplate(transactions);
    }

    private static final String NO_CURRENCY = java.util.Currency.getInstance("XXX").getCurrencyCode();

    /** @param gateway the gateway that received the message, such as "sandbox:3" or "smpp:7" */
    public void send(String gateway, String toE164, Contact contact, String text) {
        PhoneInfo phone = contacts.normalizePhone(toE164, null);
        // A reply goes back through the provider that received the message even without a rate card line;
        // it is priced 0 in ISO 4217's "no currency" code, since keyword replies are not billed in credits.
        Optional<Route> route = providerId(gateway).flatMap(id -> router.via(id, phone.region(), "transactional")
                        .or(() -> Optional.of(new Route(id, null, router.fromOf(id), 0, NO_CURRENCY))))
                .or(() -> router.cheapest(phone.region(), "transactional"));
        if (route.isEmpty()) {
            return;
        }
        SmsCount count = SmsCounter.count(text);
        Planned p = new Planned(new Candidate(contact, toE164, phone, null), text, count.encoding().label(),
                count.segments(), route.get(), null);
        tx.executeWithoutResult(s -> sends.enqueue(null, "transactional", false, List.of(p), false));
    }

    static Optional<Long> providerId(String gateway) {
        if (gateway == null || gateway.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(gateway.substring(gateway.lastIndexOf(':') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
