package io.tidings.api;

import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.ImportOptions;
import io.tidings.contacts.ImportStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CSV import: the body is the file itself (text/csv), streamed to a spool file before the 202, so an
 * upload of any size costs no heap. Options are query parameters: dedup, onDuplicate, map.HEADER=field.
 */
@RestController
@RequestMapping("/api/v1/contacts/import")
class ContactImportController {

    private final ContactsApi contacts;

    ContactImportController(ContactsApi contacts) {
        this.contacts = contacts;
    }

    // Not form-urlencoded: the servlet container would read a form body as parameters.
    @PostMapping(consumes = {"text/csv", "text/plain", "application/csv", "application/octet-stream"})
    ResponseEntity<ImportStatus> start(HttpServletRequest request, @RequestParam Map<String, String> params,
                                       Principal principal) throws IOException {
        Map<String, String> mapping = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("map.") && k.length() > 4) {
                mapping.put(k.substring(4), v);
            }
        });
        ImportOptions options = new ImportOptions(
                ImportOptions.Dedup.parse(params.getOrDefault("dedup", "email")),
                ImportOptions.OnDuplicate.parse(params.getOrDefault("onDuplicate", "update")), mapping);
        long id = contacts.startImport(request.getInputStream(), options, Actors.name(principal));
        return ResponseEntity.accepted().location(URI.create("/api/v1/contacts/import/" + id))
                .body(contacts.importStatus(id));
    }

    @GetMapping("/{id}")
    ImportStatus status(@PathVariable long id) {
        return contacts.importStatus(id);
    }
}
