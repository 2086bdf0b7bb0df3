package io.tidings.web;

import io.tidings.threads.NotificationPreference;
import io.tidings.threads.ThreadsApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's inbox: notifications from what they follow, and their due activities. */
@Controller
class InboxPageController {

    private final ThreadsApi threads;

    InboxPageController(ThreadsApi threads) {
        this.threads = threads;
    }

    @GetMapping("/inbox")
    String inbox(Authentication auth, Model model) {
        model.addAttribute("inbox", threads.inbox(auth.getName()));
        model.addAttribute("preference", threads.notificationPreference(auth.getName()).key());
        return "records/inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable long id, Authentication auth) {
        threads.markRead(auth.getName(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/preference")
    String preference(@RequestParam String preference, Authentication auth) {
        threads.setNotificationPreference(auth.getName(), NotificationPreference.parse(preference));
        return "redirect:/inbox";
    }
}
