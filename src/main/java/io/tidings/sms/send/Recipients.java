package io.tidings.sms.send;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactPage;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.PhoneInfo;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SendRequest;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a request's ids, numbers and search into candidates, one per number (the first mention wins). */
@Component
class Recipients {

    static final int MAX_RECIPIENTS = 200_000;

    private final ContactsApi contacts;

    Recipients(ContactsApi contacts) {
        this.contacts = contacts;
    }

    List<Candidate> resolve(SendRequest request) {
        if (!request.hasRecipients()) {
            throw new InvalidInputException("recipients", "A send needs recipients: contact ids, phone numbers or a search.");
        }
        Map<String, Candidate> byNumber = new LinkedHashMap<>();
        List<Candidate> unreadable = new ArrayList<>();
        for (long id : request.contactIds()) {
            Contact c;
            try {
                c = contacts.get(id);
            } catch (NotFoundException e) {
                throw new InvalidInputException("contactIds", "There is no contact " + id + ".");
            }
            add(ofContact(c), byNumber, unreadable);
        }
        if ((request.q() != null && !request.q().isBlank()) || (request.tag() != null && !request.tag().isBlank())) {
            ContactQuery query = new ContactQuery(blankToNull(request.q()), blankToNull(request.tag()), null, ContactQuery.MAX_LIMIT);
            while (true) {
                ContactPage page = contacts.search(query);
                page.items().forEach(c -> add(ofContact(c), byNumber, unreadable));
                if (page.next() == null || byNumber.size() > MAX_RECIPIENTS) {
                    break;
                }
                query = query.after(page.next());
            }
        }
        for (String raw : request.phones()) {
            add(ofNumber(raw), byNumber, unreadable);
        }
        if (byNumber.size() + unreadable.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("recipients", "A send has at most " + MAX_RECIPIENTS + " recipients.");
        }
        List<Candidate> all = new ArrayList<>(byNumber.values());
        all.addAll(unreadable);
        return all;
    }

    private static void add(Candidate c, Map<String, Candidate> byNumber, List<Candidate> unreadable) {
        if (c.phone() == null) {
            unreadable.add(c);
        } else {
            byNumber.putIfAbsent(c.phone().e164(), c);
        }
    }

    private Candidate ofContact(Contact c) {
        if (c.phone() == null || c.phone().isBlank()) {
            return new Candidate(c, null, null, "the contact has no phone number");
        }
        String zone = null;
        if (c.timezone() == null || c.timezone().isBlank()) {
            // quiet hours fall back to the number's own zone; reading it is in memory (libphonenumber)
            try {
                zone = contacts.normalizePhone(c.phone(), null).timezone();
            } catch (InvalidInputException e) {
                zone = null;
            }
        }
        return new Candidate(c, c.phone(), new PhoneInfo(c.phone(), c.phoneCountry(), c.phoneType(), zone), null);
    }

    /** A raw number that is a contact's phone is that contact (their consent and variables apply). */
    private Candidate ofNumber(String raw) {
        PhoneInfo info;
        try {
            info = contacts.normalizePhone(raw, null);
        } catch (InvalidInputException e) {
            return new Candidate(null, raw, null, e.getMessage());
        }
        return new Candidate(contactWithPhone(info.e164()).orElse(null), raw, info, null);
    }

    private Optional<Contact> contactWithPhone(String e164) {
        return contacts.search(new ContactQuery(e164, null, null, 20)).items().stream()
                .filter(c -> e164.equals(c.phone())).findFirst();
    }

    Optional<Contact> byPhone(String e164) {
        return contactWithPhone(e164);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
