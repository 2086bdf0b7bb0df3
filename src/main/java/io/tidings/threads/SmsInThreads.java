package io.tidings.threads;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.dispatch.Traffic;
import io.tidings.records.RecordsApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * SMS in the thread. Sending from a record goes to the record's contact as one transactional SMS through
 * the SMS send path (eligibility, credits reserved exactly as previewed, routing), then lands in the thread
 * as {@code sms_out}; nothing is posted when the send is refused. An inbound SMS of a known contact lands in
 * the contact's thread as {@code sms_in}.
 */
@Component
class SmsInThreads {

    static final int MAX_SMS = 1_600;

    private final Posting posting;
    private final RecordGuard guard;
    private final RecordsApi records;
    private final ContactsApi contacts;
    private final SmsApi sms;

    SmsInThreads(Posting posting, RecordGuard guard, RecordsApi records, ContactsApi contacts, SmsApi sms) {
        this.posting = posting;
        this.guard = guard;
        this.records = records;
        this.contacts = contacts;
        this.sms = sms;
    }

    ThreadMessage send(RecordRef ref, String text, String actor) {
        guard.require(ref);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "an SMS needs a text");
        }
        if (text.length() > MAX_SMS) {
            throw new InvalidInputException("body", "an SMS from a thread has at most " + MAX_SMS + " characters");
        }
        Long contactId = switch (ref.model()) {
            case CONTACT -> ref.id();
            case LEAD -> records.lead(ref.id()).contactId();
            case ORDER -> records.order(ref.id()).contactId();
        };
        if (contactId == null) {
            throw new InvalidInputException("to", "this " + ref.model().key() + " has no contact to send an SMS to");
        }
        Contact contact = contacts.get(contactId);
        if (contact.phone() == null || contact.phone().isBlank()) {
            throw new InvalidInputException("to", "the contact " + contact.name() + " has no phone number");
        }
        sms.send(SendRequest.text(text, Traffic.TRANSACTIONAL, List.of(contactId), List.of()), actor);
        return posting.post(ref, new NewMessage(MessageKind.SMS_OUT, actor, null, null, text, List.of(contact.phone()),
                null, null));
    }

    @EventListener
    void received(SmsReceived e) {
        String body = switch (e.kind()) {
            case "opt_out" -> e.text() + "\n(opted out of SMS)";
            case "opt_in" -> e.text() + "\n(opted back in to SMS)";
            default -> e.text().isBlank() ? "(empty SMS)" : e.text();
        };
        posting.post(RecordRef.contact(e.contactId()), new NewMessage(MessageKind.SMS_IN, null, e.from(), null, body,
                List.of(), null, null));
    }
}
