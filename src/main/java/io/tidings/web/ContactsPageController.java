package io.tidings.web;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactPage;
import io.tidings.contacts.ContactPatch;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Contacts list, search, detail, create and edit. Import lives in ContactImportPageController. */
@Controller
class ContactsPageController {

    private static final int PAGE_SIZE = 50;

    private final ContactsApi contacts;
    private final ThreadPanel thread;
    private final io.tidings.sms.SmsApi sms;
    private final io.tidings.mail.MailApi mail;

    ContactsPageController(ContactsApi contacts, ThreadPanel thread, io.tidings.sms.SmsApi sms, io.tidings.mail.MailApi mail) {
        this.contacts = contacts;
        this.thread = thread;
        this.sms = sms;
        this.mail = mail;
    }

    /** The form's fields as typed, so a refused form comes back with what the person wrote. */
    record ContactForm(String name, String email, String phone, String country, String timezone, String language,
                       String company, String tags) {
        static ContactForm of(Contact c) {
            return new ContactForm(c.name(), c.email(), c.phone(), c.country(), c.timezone(), c.language(),
                    c.company(), String.join("; ", c.tags()));
        }

        List<String> tagList() {
            return tags == null || tags.isBlank() ? List.of()
                    : Arrays.stream(tags.split("[;|,]")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        }
    }

    @GetMapping("/contacts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String after, Model model) {
        ContactPage page = contacts.search(new ContactQuery(blankToNull(q), blankToNull(tag), blankToNull(after), PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("tag", tag);
        model.addAttribute("after", blankToNull(after));
        return "contacts/list";
    }

    @GetMapping("/contacts/export.csv")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            contacts.exportCsv(new ContactQuery(blankToNull(q), blankToNull(tag), null, ContactQuery.MAX_LIMIT), out);
        }
    }

    @GetMapping("/contacts/new")
    String newForm(Model model) {
        model.addAttribute("form", new ContactForm(null, null, null, null, null, null, null, null));
        model.addAttribute("id", null);
        return "contacts/edit";
    }

    @PostMapping("/contacts")
    String create(ContactForm form, Model model) {
        try {
            Contact c = contacts.create(new NewContact(blankToNull(form.name()), blankToNull(form.email()),
                    blankToNull(form.phone()), blankToNull(form.country()), blankToNull(form.timezone()),
                    blankToNull(form.language()), blankToNull(form.company()), form.tagList(), null));
            return "redirect:/contacts/" + c.id();
        } catch (InvalidInputException | ConflictException | IllegalArgumentException e) {
            model.addAttribute("form", form);
            model.addAttribute("id", null);
            model.addAttribute("error", explain(e));
            return "contacts/edit";
        }
    }

    @GetMapping("/contacts/{id}")
    String detail(@PathVariable long id, Model model, Authentication auth) {
        Contact contact = contacts.get(id);
        model.addAttribute("contact", contact);
        model.addAttribute("mailHealth", contact.email() == null ? null : mail.addressHealth().health(contact.email()).orElse(null));
        model.addAttribute("canClearBounce", Roles.canWrite(auth));
        model.addAttribute("consent", contacts.consentLog(id));
        model.addAttribute("smsMessages", sms.messages(null, id));
        model.addAttribute("smsReplies", sms.repliesFor(id));
        thread.fill(model, io.tidings.threads.RecordRef.contact(id), auth.getName());
        return "contacts/detail";
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", ContactForm.of(contacts.get(id)));
        model.addAttribute("id", id);
        return "contacts/edit";
    }

    @PostMapping("/contacts/{id}")
    String update(@PathVariable long id, ContactForm form, Model model) {
        try {
            // Every field of the form is sent, so an emptied field means: clear it.
            java.util.Set<String> clear = new java.util.HashSet<>();
            for (var f : List.of("name", "email", "phone", "country", "timezone", "language", "company")) {
                if (blankToNull(field(form, f)) == null) {
                    clear.add(f);
                }
            }
            contacts.update(id, new ContactPatch(blankToNull(form.name()), blankToNull(form.email()),
                    blankToNull(form.phone()), blankToNull(form.country()), blankToNull(form.timezone()),
                    blankToNull(form.language()), blankToNull(form.company()), form.tagList(), null, clear));
            return "redirect:/contacts/" + id;
        } catch (InvalidInputException | ConflictException | IllegalArgumentException e) {
            model.addAttribute("form", form);
            model.addAttribute("id", id);
            model.addAttribute("error", explain(e));
            return "contacts/edit";
        }
    }

    @PostMapping("/contacts/{id}/consent")
    String consent(@PathVariable long id, @RequestParam String channel, @RequestParam String state,
                   @RequestParam(defaultValue = "") String source, Authentication who, HttpServletRequest request,
                   RedirectAttributes redirect) {
        try {
            contacts.changeConsent(id, new ConsentChange(Channel.parse(channel), ConsentState.parse(state), "web",
                    blankToNull(source), who.getName(), request.getRemoteAddr()));
        } catch (IllegalArgumentException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/contacts/" + id;
    }

    /** An operator says the contact's address works again after bounces (admins and marketers). */
    @PostMapping("/contacts/{id}/mail-health/clear")
    String clearBounce(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        Contact contact = contacts.get(id);
        if (!Roles.canWrite(who)) {
            redirect.addFlashAttribute("error", "Only admins and marketers may clear a bounced address.");
        } else if (contact.email() != null) {
            mail.addressHealth().clear(contact.email());
        }
        return "redirect:/contacts/" + id;
    }

    @PostMapping("/contacts/{id}/delete")
    String delete(@PathVariable long id, Authentication who) {
        contacts.delete(id, who.getName());
        return "redirect:/contacts";
    }

    private static String field(ContactForm f, String name) {
        return switch (name) {
            case "name" -> f.name();
            case "email" -> f.email();
            case "phone" -> f.phone();
            case "country" -> f.country();
            case "timezone" -> f.timezone();
            case "language" -> f.language();
            default -> f.company();
        };
    }

    private static String explain(RuntimeException e) {
        if (e instanceof InvalidInputException i && i.field() != null) {
            return i.field() + ": " + i.getMessage();
        }
        return e.getMessage();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
