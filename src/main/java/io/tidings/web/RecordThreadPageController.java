package io.tidings.web;

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

    RecordThreadPageController(ThreadsApi threads) {
        this.threads = threads;
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
    String follow(@PathVariable String model, @PathVariable long id, @RequestParam String action, Authentication auth) {
        RecordRef ref = RecordRef.of(model, id);
        Follower me = Follower.user(auth.getName(), Set.of());
        if ("unfollow".equals(action)) {
            threads.unfollow(ref, me);
        } else {
            threads.follow(ref, me);
        }
        return "redirect:" + ThreadPanel.pageOf(ref);
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
