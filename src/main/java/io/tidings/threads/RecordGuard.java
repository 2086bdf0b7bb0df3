package io.tidings.threads;

import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** A thread exists only for a record that exists; this asks the module that owns the record. */
@Component
class RecordGuard {

    private final ContactsApi contacts;
    private final RecordsApi records;

    RecordGuard(ContactsApi contacts, RecordsApi records) {
        this.contacts = contacts;
        this.records = records;
    }

    /** The record's title, as used in notification subjects; 404 when it does not exist. */
    String require(RecordRef ref) {
        String title = switch (ref.model()) {
            case CONTACT -> contacts.find(ref.id()).map(c -> c.name() != null ? c.name() : c.email()).orElse(null);
            case LEAD -> records.findLead(ref.id()).map(l -> l.name()).orElse(null);
            case ORDER -> records.findOrder(ref.id()).map(o -> "Order " + o.number()).orElse(null);
        };
        if (title == null && !exists(ref)) {
            throw new NotFoundException("There is no " + ref.model().key() + " " + ref.id() + ".");
        }
        return title == null ? ref.key() : title;
    }

    private boolean exists(RecordRef ref) {
        return switch (ref.model()) {
            case CONTACT -> contacts.find(ref.id()).isPresent();
            case LEAD -> records.findLead(ref.id()).isPresent();
            case ORDER -> records.findOrder(ref.id()).isPresent();
        };
    }
}
