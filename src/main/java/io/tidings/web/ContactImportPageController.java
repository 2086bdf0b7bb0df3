package io.tidings.web;

import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.ImportOptions;
import io.tidings.contacts.ImportStatus;
import io.tidings.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Upload a CSV, then watch it: the progress fragment polls itself until the import is done. */
@Controller
class ContactImportPageController {

    private final ContactsApi contacts;

    ContactImportPageController(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/contacts/import")
    String form() {
        return "contacts/import";
    }

    @PostMapping("/contacts/import")
    String start(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "email") String dedup,
                 @RequestParam(defaultValue = "update") String onDuplicate, Authentication who,
                 RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV file to import.");
            return "redirect:/contacts/import";
        }
        try (InputStream in = file.getInputStream()) {
            ImportOptions options = new ImportOptions(ImportOptions.Dedup.parse(dedup),
                    ImportOptions.OnDuplicate.parse(onDuplicate), Map.of());
            long id = contacts.startImport(in, options, who.getName());
            return "redirect:/contacts/import/" + id;
        } catch (InvalidInputException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/contacts/import";
        }
    }

    @GetMapping("/contacts/import/{id}")
    String status(@PathVariable long id, Model model) {
        fill(id, model);
        return "contacts/import-status";
    }

    @GetMapping("/contacts/import/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        fill(id, model);
        return "contacts/import-progress :: progress";
    }

    private void fill(long id, Model model) {
        ImportStatus status = contacts.importStatus(id);
        model.addAttribute("status", status);
        model.addAttribute("percent", status.percent());
    }
}
