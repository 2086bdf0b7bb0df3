package io.tidings.threads;

import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread exists only for a record that exists; this asks the module that owns the record. Leads and orders
 * are never deleted, so once seen to exist they are remembered ({@link #requireExists}); contacts can be
 * deleted and are asked every time.
 */
@Component
class RecordGuard {

    private static final int REMEMBERED = 50_000;

    private final Set<RecordRef> existing = ConcurrentHashMap.newKeySet();

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

    /** 404 when the record does not exist; without reading its title. */
    void requireExists(RecordRef ref) {
        if (existing.contains(ref)) {
            return;
        }
        if (!exists(ref)) {
            throw new NotFoundException("There is no " + ref.model().key() + " " + ref.id() + ".");
        }
        if (ref.model() != RecordModel.CONTACT) {
            if (existing.size() >= REMEMBERED) {
                existing.clear();
            }
            existing.add(ref);
        }
    }

    private boolean exists(RecordRef ref) {
        return switch (ref.model()) {
            case CONTACT -> contacts.find(ref.id()).isPresent();
            case LEAD -> records.findLead(ref.id()).isPresent();
            case ORDER -> records.findOrder(ref.id()).isPresent();
        };
    }
}
