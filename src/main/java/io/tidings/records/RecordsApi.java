package io.tidings.records;

import io.tidings.shared.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The records module's one facade: leads and orders.
 *
 * <p>Errors: {@code InvalidInputException} for a bad value (unknown contact, stage, currency, ...),
 * {@code NotFoundException} for an unknown id, {@code ConflictException} for a taken order number.
 */
@Service
public class RecordsApi {

    public static final int MAX_PAGE = 200;

    private final RecordsStore store;
    private final Leads leads;
    private final Orders orders;

    RecordsApi(RecordsStore store, Leads leads, Orders orders) {
        this.store = store;
        this.leads = leads;
        this.orders = orders;
    }

    // --- leads

    public Lead createLead(NewLead lead) {
        return leads.create(lead);
    }

    /** @throws io.tidings.shared.NotFoundException when there is no such lead */
    public Lead lead(long id) {
        return leads.get(id);
    }

    public Optional<Lead> findLead(long id) {
        return store.findLead(id, false);
    }

    /** @param actor who changed it, written on the tracked-change message */
    public Lead updateLead(long id, LeadPatch patch, String actor) {
        return leads.update(id, patch, actor);
    }

    /** Newest first; {@code before} is the last id of the previous page, or null for the first. */
    public List<Lead> leads(String stage, Long before, int limit) {
        if (stage != null) {
            LeadStage.parse(stage);
        }
        return store.leads(stage, before == null ? Long.MAX_VALUE : before, limit(limit));
    }

    // --- orders

    public Order createOrder(NewOrder order) {
        return orders.create(order);
    }

    /** @throws io.tidings.shared.NotFoundException when there is no such order */
    public Order order(long id) {
        return orders.get(id);
    }

    public Optional<Order> findOrder(long id) {
        return store.findOrder(id, false);
    }

    public Order updateOrder(long id, OrderPatch patch) {
        return orders.update(id, patch);
    }

    public List<Order> orders(Long before, int limit) {
        return store.orders(before == null ? Long.MAX_VALUE : before, limit(limit));
    }

    /** The contact's orders dated on or after {@code since}, cancelled ones left out, newest first. */
    public List<Order> ordersOfContactSince(long contactId, LocalDate since) {
        return store.ordersOfContactSince(contactId, since);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_PAGE);
        }
        return limit;
    }
}
