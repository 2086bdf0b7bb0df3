package io.tidings.web;

import io.tidings.records.Money;
import io.tidings.records.NewOrder;
import io.tidings.records.Order;
import io.tidings.records.OrderLine;
import io.tidings.records.OrderPatch;
import io.tidings.records.OrderState;
import io.tidings.records.RecordsApi;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.threads.RecordRef;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Orders list with a create form, and an order's page with its thread beside it. */
@Controller
class OrdersPageController {

    private final RecordsApi records;
    private final ThreadPanel panel;

    OrdersPageController(RecordsApi records, ThreadPanel panel) {
        this.records = records;
        this.panel = panel;
    }

    @GetMapping("/orders")
    String list(Model model) {
        model.addAttribute("orders", records.orders(null, 100));
        return "records/orders";
    }

    /** One line per order line: "product; quantity; unit price" with the price as a decimal ("19.99"). */
    @PostMapping("/orders")
    String create(@RequestParam String number, @RequestParam(required = false) Long contactId,
                  @RequestParam String currency,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
                  @RequestParam(required = false) String lines, RedirectAttributes flash) {
        try {
            Order o = records.createOrder(new NewOrder(number, contactId, orderDate, null, currency, lines(lines, currency)));
            return "redirect:/orders/" + o.id();
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/orders";
        }
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable long id, Authentication auth, Model model) {
        Order order = records.order(id);
        model.addAttribute("order", order);
        model.addAttribute("total", Money.format(order.totalMinor(), order.currency()));
        model.addAttribute("states", Arrays.stream(OrderState.values()).map(OrderState::key).toList());
        panel.fill(model, RecordRef.order(id), auth.getName());
        return "records/order";
    }

    @PostMapping("/orders/{id}")
    String update(@PathVariable long id, @RequestParam String state, RedirectAttributes flash) {
        try {
            records.updateOrder(id, new OrderPatch(null, state, null));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/orders/" + id;
    }

    private static List<OrderLine> lines(String text, String currency) {
        List<OrderLine> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String row : text.split("\\R")) {
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(";");
            if (cells.length != 3) {
                throw new InvalidInputException("lines", "write each line as: product; quantity; unit price");
            }
            try {
                lines.add(new OrderLine(cells[0].strip(), Integer.parseInt(cells[1].strip()),
                        Money.toMinor(cells[2], currency, "lines")));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("lines", "'" + cells[1].strip() + "' is not a whole quantity");
            }
        }
        return lines;
    }
}
