package io.tidings.mail;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.shared.ConflictException;
import io.tidings.threads.Follower;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Mail to an alias ({@code tidings.mail.aliases}, {@code leads=lead} by default) creates a record of its
 * model: a lead titled by the subject whose contact is the sender (found by email or created), following
 * the lead, with the mail first in its thread. Automatic mail never creates a record.
 */
@Component
@Order(30)
class InboundAliasRoute implements InboundRoute {

    private final InboundRecipients recipients;
    private final InboundAutoReplies autoReplies;
    private final ContactsApi contacts;
    private final RecordsApi records;
    private final ThreadsApi threads;
    private final InboundThreadPost posting;

    InboundAliasRoute(InboundRecipients recipients, InboundAutoReplies autoReplies, ContactsApi contacts,
                      RecordsApi records, ThreadsApi threads, InboundThreadPost posting) {
        this.recipients = recipients;
        this.autoReplies = autoReplies;
        this.contacts = contacts;
        this.records = records;
        this.threads = threads;
        this.posting = posting;
    }

    @Override
    public Optional<InboundRouting> route(InboundMessage mail) {
        String alias = null;
        String model = null;
        for (String a : mail.allRecipients()) {
            Optional<String> m = recipients.aliasModel(a);
            if (m.isPresent()) {
                alias = a;
                model = m.get();
                break;
            }
        }
        if (model == null) {
            return Optional.empty();
        }
        if (autoReplies.isAutomatic(mail)) {
            return Optional.of(InboundRouting.catchall("automatic mail to " + alias + ": no " + model + " is made from it"));
        }
        String sender = mail.sender();
        if (sender == null || recipients.isOurs(sender)) {
            return Optional.of(InboundRouting.catchall("mail to " + alias + " without an outside sender"));
        }
        RecordRef ref = switch (model) {
            case "lead" -> {
                Contact c = contact(sender, mail.fromName());
                String title = mail.subject() == null || mail.subject().isBlank() ? "Mail from " + sender : mail.subject();
                RecordRef lead = RecordRef.lead(records.createLead(new NewLead(title, c.id(), null, null, null, null, null, null)).id());
                threads.follow(lead, Follower.contact(c.id(), Set.of()));
                yield lead;
            }
            case "contact" -> RecordRef.contact(contact(sender, mail.fromName()).id());
            default -> null;
        };
        if (ref == null) {
            return Optional.of(InboundRouting.catchall("alias " + alias + " names model '" + model
                    + "', which mail cannot create (use lead or contact)"));
        }
        ThreadMessage saved = posting.post(ref, mail, false);
        return Optional.of(InboundRouting.to("alias", "new " + model + " from " + alias, ref, saved.id()));
    }

    /** The contact with this email, made when there is none (a concurrent maker wins the race). */
    private Contact contact(String email, String name) {
        Optional<Contact> found = byEmail(email);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return contacts.create(NewContact.of(name, email, null));
        } catch (ConflictException taken) {
            return byEmail(email).orElseThrow(() -> taken);
        }
    }

    private Optional<Contact> byEmail(String email) {
        return contacts.search(new ContactQuery(email, null, null, 50)).items().stream()
                .filter(c -> email.equalsIgnoreCase(c.email())).findFirst();
    }
}
