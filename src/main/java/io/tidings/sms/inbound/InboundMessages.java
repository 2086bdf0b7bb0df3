package io.tidings.sms.inbound;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.InboundSms;
import io.tidings.sms.SmsReceived;
import io.tidings.sms.send.Keywords;
import io.tidings.sms.send.Replies;
import io.tidings.sms.send.SendSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A customer's message: stored once (a provider retrying its webhook changes nothing), then the first
 * matching policy acts: opt-out keywords, opt-in keywords, help, else it is kept as a reply.
 */
@Component
public class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final InboundStore store;
    private final ContactsApi contacts;
    private final List<InboundPolicy> policies;
    private final ApplicationEventPublisher events;

    InboundMessages(InboundStore store, ContactsApi contacts, SendSettings settings, Replies replies,
                    ApplicationEventPublisher events) {
        this.store = store;
        this.contacts = contacts;
        this.events = events;
        this.policies = List.of(new OptOutKeyword(settings, contacts, replies), new OptInKeyword(settings, contacts, replies),
                new HelpKeyword(settings, replies), new StoredReply());
    }

    public void receive(InboundSms m) {
        String from;
        try {
            from = contacts.normalizePhone(m.from(), null).e164();
        } catch (InvalidInputException e) {
            from = m.from() == null ? "" : m.from();
        }
        String normalised = Keywords.normalise(m.text());
        InboundPolicy policy = policies.stream().filter(p -> p.matches(normalised)).findFirst().orElseThrow();
        Contact contact = contactOf(from);
        String text = m.text() == null ? "" : m.text();
        java.util.Optional<Long> stored = store.insert(m.gateway(), m.providerMessageId(), from, m.to(), text,
                contact == null ? null : contact.id(), policy.kind());
        if (stored.isEmpty()) {
            return;
        }
        try {
            policy.act(m, from, contact, normalised);
        } catch (RuntimeException e) {
            log.warn("inbound SMS {} via {} ({}) could not be acted on", m.providerMessageId(), m.gateway(), policy.kind(), e);
        }
        if (contact != null) {
            try {
                events.publishEvent(new SmsReceived(stored.get(), contact.id(), from, text, policy.kind(), java.time.Instant.now()));
            } catch (RuntimeException e) {
                // The SMS is stored and acted on; a thread that cannot show it must not make the provider retry.
                log.warn("inbound SMS {} could not be added to contact {}'s thread", m.providerMessageId(), contact.id(), e);
            }
        }
    }

    private Contact contactOf(String e164) {
        if (e164.isBlank()) {
            return null;
        }
        String number = e164;
        return contacts.search(new ContactQuery(number, null, null, 20)).items().stream()
                .filter(c -> number.equals(c.phone())).findFirst().orElse(null);
    }
}
