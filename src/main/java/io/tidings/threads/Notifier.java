package io.tidings.threads;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.User;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.OutgoingMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who hears about a posted message, and how. Followers whose subtypes match, never the author; users
 * by their preference (inbox row or queued email), contacts by email. Internal messages (notes,
 * tracked changes) never reach contacts and never leave as email: they go to users' inboxes only.
 */
@Component
class Notifier {

    static final String EMAIL_CHANNEL = "email";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ThreadStore store;
    private final AccountsApi accounts;
    private final ContactsApi contacts;
    private final DispatchApi dispatch;

    Notifier(ThreadStore store, AccountsApi accounts, ContactsApi contacts, DispatchApi dispatch) {
        this.store = store;
        this.accounts = accounts;
        this.contacts = contacts;
        this.dispatch = dispatch;
    }

    /** @param explicitTo addresses the author sent an email to; they get it whatever they follow */
    void notify(ThreadMessage m, String recordTitle, List<String> explicitTo) {
        notify(m, store.followers(m.record()), () -> recordTitle, explicitTo);
    }

    /**
     * @param followers   the record's followers, as read with the message
     * @param recordTitle read only when an email without a subject needs it as its subject
     */
    void notify(ThreadMessage m, List<Follower> followers, Supplier<String> recordTitle, List<String> explicitTo) {
        Set<String> emails = new LinkedHashSet<>(m.kind() == MessageKind.EMAIL_OUT ? explicitTo : List.of());
        for (Follower f : followers) {
            if (!f.subtypes().contains(m.subtype())) {
                continue;
            }
            if (f.kind() == Follower.Kind.USER) {
                if (f.user().equals(m.authorUser())) {
                    continue;
                }
                String email = accounts.user(f.user()).map(User::email).filter(e -> e != null && !e.isBlank()).orElse(null);
                if (m.internal() || email == null || store.preference(f.user()) == NotificationPreference.INBOX) {
                    store.notify(f.user(), m.id());
                } else {
                    emails.add(email.toLowerCase(java.util.Locale.ROOT));
                }
            } else if (!m.internal() && (m.kind() == MessageKind.EMAIL_OUT || m.kind() == MessageKind.EMAIL_IN)) {
                // Contacts hear about email discussion by email; an SMS in the thread is not mailed to them.
                contacts.find(f.contactId()).map(Contact::email)
                        .filter(e -> !e.equalsIgnoreCase(m.authorAddress()))
                        .ifPresent(emails::add);
            }
        }
        emails.remove(m.authorAddress());
        String title = emails.isEmpty() || (m.subject() != null && !m.subject().isBlank()) ? null : recordTitle.get();
        for (String to : emails) {
            dispatch.enqueue(OutgoingMessage.of(EMAIL_CHANNEL, to, payload(m, title, to), "thread-" + m.id() + "-" + to));
        }
    }

    private static String payload(ThreadMessage m, String recordTitle, String to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("to", to);
        p.put("subject", m.subject() == null || m.subject().isBlank() ? recordTitle : m.subject());
        p.put("body", m.body());
        p.put("record", m.record().key());
        p.put("messageId", m.messageId());
        return JSON.writeValueAsString(p);
    }
}
