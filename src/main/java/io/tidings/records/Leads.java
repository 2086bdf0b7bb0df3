package io.tidings.records;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Objects;

/** Creating and changing leads; stage and salesperson changes are tracked as {@link LeadChanged}. */
@Component
class Leads {

    private final RecordsStore store;
    private final ContactsApi contacts;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;

    Leads(RecordsStore store, ContactsApi contacts, AccountsApi accounts, ApplicationEventPublisher events) {
        this.store = store;
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    Lead create(NewLead l) {
        LeadStage stage = l.stage() == null ? LeadStage.NEW : LeadStage.parse(l.stage());
        long id = store.insertLead(name(l.name()), contact(l.contactId()), stage, salesperson(l.salesperson()),
                priority(l.priority() == null ? 0 : l.priority()), revenue(l.expectedRevenueMinor()),
                Money.currency(l.expectedRevenueMinor(), l.currency()), tags(l.tags()));
        return get(id);
    }

    Lead get(long id) {
        return store.findLead(id, false).orElseThrow(() -> missing(id));
    }

    @Transactional
    Lead update(long id, LeadPatch p, String actor) {
        Lead old = store.findLead(id, true).orElseThrow(() -> missing(id));
        String salesperson = p.salesperson() == null ? old.salesperson()
                : p.salesperson().isBlank() ? null : salesperson(p.salesperson());
        Long revenue = p.expectedRevenueMinor() == null ? old.expectedRevenueMinor() : revenue(p.expectedRevenueMinor());
        String currency = p.currency() == null ? old.currency() : p.currency();
        Lead changed = new Lead(id, p.name() == null ? old.name() : name(p.name()),
                p.contactId() == null ? old.contactId() : contact(p.contactId()),
                p.stage() == null ? old.stage() : LeadStage.parse(p.stage()), salesperson,
                p.priority() == null ? old.priority() : priority(p.priority()), revenue,
                Money.currency(revenue, currency), p.tags() == null ? old.tags() : tags(p.tags()),
                old.createdAt(), old.updatedAt());
        store.updateLead(changed);
        if (changed.stage() != old.stage()) {
            events.publishEvent(new LeadChanged(id, "stage", old.stage().key(), changed.stage().key(), actor));
        }
        if (!Objects.equals(old.salesperson(), changed.salesperson())) {
            events.publishEvent(new LeadChanged(id, "salesperson", old.salesperson(), changed.salesperson(), actor));
        }
        return get(id);
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("There is no lead " + id + ".");
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "a lead needs a name of 1 to 200 characters");
        }
        return name.strip();
    }

    private Long contact(Long contactId) {
        if (contactId != null && contacts.find(contactId).isEmpty()) {
            throw new InvalidInputException("contactId", "there is no contact " + contactId);
        }
        return contactId;
    }

    private String salesperson(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        if (accounts.user(user).isEmpty()) {
            throw new InvalidInputException("salesperson", "there is no user named '" + user + "'");
        }
        return user;
    }

    private static int priority(int priority) {
        if (priority < 0 || priority > 3) {
            throw new InvalidInputException("priority", "priority is 0 (none) to 3 (very high)");
        }
        return priority;
    }

    private static Long revenue(Long minor) {
        if (minor != null && minor < 0) {
            throw new InvalidInputException("expectedRevenueMinor", "expected revenue cannot be negative");
        }
        return minor;
    }

    static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
    }
}
