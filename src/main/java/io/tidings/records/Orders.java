package io.tidings.records;

import io.tidings.contacts.ContactsApi;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** Creating and changing orders; the total is always recomputed from the lines, exactly. */
@Component
class Orders {

    private static final int MAX_QUANTITY = 1_000_000;

    private final RecordsStore store;
    private final ContactsApi contacts;

    Orders(RecordsStore store, ContactsApi contacts) {
        this.store = store;
        this.contacts = contacts;
    }

    @Transactional
    Order create(NewOrder o) {
        if (o.number() == null || o.number().isBlank() || o.number().length() > 64) {
            throw new InvalidInputException("number", "an order needs a number of 1 to 64 characters");
        }
        if (o.contactId() == null || contacts.find(o.contactId()).isEmpty()) {
            throw new InvalidInputException("contactId", "an order needs an existing customer contact");
        }
        String currency = Money.currency(0L, o.currency());
        List<OrderLine> lines = lines(o.lines());
        long id = store.insertOrder(o.number().strip(), o.contactId(), o.orderDate() == null ? LocalDate.now() : o.orderDate(),
                        o.state() == null ? OrderState.DRAFT : OrderState.parse(o.state()), currency, total(lines))
                .orElseThrow(() -> new ConflictException("There is already an order number " + o.number().strip() + "."));
        store.replaceLines(id, lines);
        return get(id);
    }

    Order get(long id) {
        return store.findOrder(id, false).orElseThrow(() -> missing(id));
    }

    @Transactional
    Order update(long id, OrderPatch p) {
        Order old = store.findOrder(id, true).orElseThrow(() -> missing(id));
        List<OrderLine> lines = p.lines() == null ? old.lines() : lines(p.lines());
        store.updateOrder(id, p.orderDate() == null ? old.orderDate() : p.orderDate(),
                p.state() == null ? old.state() : OrderState.parse(p.state()), total(lines));
        if (p.lines() != null) {
            store.replaceLines(id, lines);
        }
        return get(id);
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("There is no order " + id + ".");
    }

    private static List<OrderLine> lines(List<OrderLine> lines) {
        if (lines == null) {
            return List.of();
        }
        for (OrderLine l : lines) {
            if (l == null || l.product() == null || l.product().isBlank()) {
                throw new InvalidInputException("lines", "every line needs a product");
            }
            if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                throw new InvalidInputException("lines", "a quantity is 1 to " + MAX_QUANTITY);
            }
            if (l.unitPriceMinor() < 0) {
                throw new InvalidInputException("lines", "a unit price cannot be negative");
            }
        }
        return lines.stream().map(l -> new OrderLine(l.product().strip(), l.quantity(), l.unitPriceMinor())).toList();
    }

    private static long total(List<OrderLine> lines) {
        try {
            return lines.stream().mapToLong(OrderLine::totalMinor).reduce(0, Math::addExact);
        } catch (ArithmeticException e) {
            throw new InvalidInputException("lines", "the order total is too large");
        }
    }
}
