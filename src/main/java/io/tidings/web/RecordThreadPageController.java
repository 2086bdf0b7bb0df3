package io.tidings.web;

import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactQuery;
import io.tidings.contacts.ContactsApi;
import io.tidings.threads.Subtype;

import io.tidings.shared.InvalidInputException;
import io.tidings.threads.Follower;
import io.tidings.threads.MessageKind;
import io.tidings.threads.NewActivity;
import io.tidings.threads.NewMessage;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadsApi;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The thread panel's forms, for any record: post, follow, schedule, done. Each redirects back to the record. */
@Controller
class RecordThreadPageController {

    private final ThreadsApi threads;
    private final ContactsApi contacts;

    RecordThreadPageController(ThreadsApi threads, ContactsApi contacts) {
        this.threads = threads;
        this.contacts = contacts;
    }

    @PostMapping("/records/{model}/{id}/messages")
    String post(@PathVariable String model, @PathVariable long id, @RequestParam String kind,
                @RequestParam(required = false) String subject, @RequestParam(required = false) String to,
                @RequestParam(required = false) String body, Authentication auth, RedirectAttributes flash) {
        RecordRef ref = RecordRef.of(model, id);
        try {
            if ("sms".equals(kind)) {
                threads.sendSms(ref, body, auth.getName());
                return "redirect:" + ThreadPanel.pageOf(ref);
            }
            MessageKind k = switch (kind) {
                case "email" -> MessageKind.EMAIL_OUT;
                case "note" -> MessageKind.NOTE;
                default -> throw new InvalidInputException("kind", "choose send email, send SMS or log note");
            };
            List<String> recipients = k == MessageKind.NOTE || to == null || to.isBlank() ? List.of()
                    : Arrays.stream(to.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            threads.post(ref, new NewMessage(k, auth.getName(), null, blankToNull(subject), body, recipients, null, null));
        } catch (InvalidInputException | io.tidings.shared.ConflictException e) {
            flash.addFlashAttribute("threadError", e.getMessage());
        }
        return "redirect:" + ThreadPanel.pageOf(ref);
    }

    @PostMapping("/records/{model}/{id}/followers")
    String follow(@PathVariable String model, @PathVariable long id, @RequestParam String action,
                  @RequestParam(required = false) List<String> subtypes, @RequestParam(required = false) String contactEmail,
                  @RequestParam(required = false) String subtypesShown, Authentication auth, RedirectAttributes flash) {
        RecordRef ref = RecordRef.of(model, id);
        try {
            Set<Subtype> chosen = subtypes == null ? Set.of()
                    : subtypes.stream().map(Subtype::parse).collect(java.util.stream.Collectors.toUnmodifiableSet());
            switch (action) {
                case "unfollow" -> threads.unfollow(ref, Follower.user(auth.getName(), Set.of()));
                case "follow" -> {
                    if (chosen.isEmpty() && subtypesShown != null) {
                        throw new InvalidInputException("subtypes", "choose at least one of discussion, note and stage change, or unfollow");
                    }
                    threads.follow(ref, Follower.user(auth.getName(), chosen));
                }
                case "add-contact" -> {
                    Contact c = contactByEmail(contactEmail);
                    threads.follow(ref, Follower.contact(c.id(), chosen));
                }
                case "remove-contact" -> threads.unfollow(ref, Follower.contact(contactByEmail(contactEmail).id(), Set.of()));
                default -> throw new InvalidInputException("action", "choose follow, unfollow, add-contact or remove-contact");
            }
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("threadError", e.getMessage());
        }
        return "redirect:" + ThreadPanel.pageOf(ref);
    }

    private Contact contactByEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("contactEmail", "give the email address of the contact who should follow");
        }
        String wanted = email.strip();
        return contacts.search(new ContactQuery(wanted, null, null, 20)).items().stream()
                .filter(c -> wanted.equalsIgnoreCase(c.email())).findFirst()
                .orElseThrow(() -> new InvalidInputException("contactEmail", "no contact has the email address " + wanted));
    }

    @PostMapping("/records/{model}/{id}/activities")
    String schedule(@PathVariable String model, @PathVariable long id, @RequestParam String type,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                    @RequestParam(required = false) String assignee, @RequestParam(required = false) String note,
                    Authentication auth, RedirectAttributes flash) {
        RecordRef ref = RecordRef.of(model, id);
        try {
            threads.schedule(ref, new NewActivity(type, dueDate, blankToNull(assignee), note), auth.getName());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("threadError", e.getMessage());
        }
        return "redirect:" + ThreadPanel.pageOf(ref);
    }

    @PostMapping("/records/{model}/{id}/activities/{activityId}/done")
    String done(@PathVariable String model, @PathVariable long id, @PathVariable long activityId, Authentication auth) {
        RecordRef ref = RecordRef.of(model, id);
        if (threads.activity(activityId).record().equals(ref)) {
            threads.markDone(activityId, auth.getName());
        }
        return "redirect:" + ThreadPanel.pageOf(ref);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
