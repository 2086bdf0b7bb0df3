package io.tidings.records;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Leads and orders over the API. Writes are for admins, marketers and salespeople (SecurityConfig). */
@RestController
@RequestMapping("/api/v1")
class RecordsController {

    private final RecordsApi records;

    RecordsController(RecordsApi records) {
        this.records = records;
    }

    @GetMapping("/leads")
    List<Lead> leads(@RequestParam(required = false) String stage, @RequestParam(required = false) Long before,
                     @RequestParam(defaultValue = "50") int limit) {
        return records.leads(stage, before, limit);
    }

    @PostMapping("/leads")
    ResponseEntity<Lead> createLead(@RequestBody NewLead lead) {
        Lead created = records.createLead(lead);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + created.id())).body(created);
    }

    @GetMapping("/leads/{id}")
    Lead lead(@PathVariable long id) {
        return records.lead(id);
    }

    @PatchMapping("/leads/{id}")
    Lead updateLead(@PathVariable long id, @RequestBody LeadPatch patch, Principal principal) {
        return records.updateLead(id, patch, principal == null ? null : principal.getName());
    }

    @GetMapping("/orders")
    List<Order> orders(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
        return records.orders(before, limit);
    }

    @PostMapping("/orders")
    ResponseEntity<Order> createOrder(@RequestBody NewOrder order) {
        Order created = records.createOrder(order);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orders/" + created.id())).body(created);
    }

    @GetMapping("/orders/{id}")
    Order order(@PathVariable long id) {
        return records.order(id);
    }

    @PatchMapping("/orders/{id}")
    Order updateOrder(@PathVariable long id, @RequestBody OrderPatch patch) {
        return records.updateOrder(id, patch);
    }
}
