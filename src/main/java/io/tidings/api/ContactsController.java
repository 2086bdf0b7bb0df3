package io.tidings.api;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactPage;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

/** Contacts: search with keyset pages, create, read, merge-patch, delete, and the CSV export. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactsController {

    private final ContactsApi contacts;

    ContactsController(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    ContactPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                       @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        return contacts.search(new ContactQuery(q, tag, after, limit));
    }

    @PostMapping
    ResponseEntity<Contact> create(@RequestBody NewContact body) {
        if (body == null) {
            throw new IllegalArgumentException("send a JSON object with at least an email or a phone");
        }
        Contact created = contacts.create(body);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    Contact get(@PathVariable long id) {
        return contacts.get(id);
    }

    /** JSON Merge Patch (RFC 7396): given fields change, null clears, customFields merge by key. */
    @PatchMapping(value = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    Contact patch(@PathVariable long id, @RequestBody JsonNode body) {
        return contacts.update(id, MergePatch.toContactPatch(body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Principal principal) {
        contacts.delete(id, Actors.name(principal));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        contacts.exportCsv(new ContactQuery(q, tag, null, 0), response.getWriter());
        response.flushBuffer();
    }
}
