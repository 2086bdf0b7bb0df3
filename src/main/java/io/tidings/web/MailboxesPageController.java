package io.tidings.web;

import io.tidings.mail.MailApi;
import io.tidings.mail.NewImapMailbox;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** IMAP mailboxes Tidings fetches: add, fetch now, enable/disable, remove. Admins only (SecurityConfig). */
@Controller
class MailboxesPageController {

    private final MailApi mail;

    MailboxesPageController(MailApi mail) {
        this.mail = mail;
    }

    @GetMapping("/mail/mailboxes")
    String page(Model model) {
        model.addAttribute("mailboxes", mail.mailboxes());
        model.addAttribute("interval", mail.settings().imapPollInterval().toSeconds());
        return "mail/mailboxes";
    }

    @PostMapping("/mail/mailboxes")
    String add(@RequestParam String name, @RequestParam String host, @RequestParam(required = false) Integer port,
               @RequestParam(defaultValue = "false") boolean tls, @RequestParam String username,
               @RequestParam String password, @RequestParam(required = false) String folder, RedirectAttributes flash) {
        try {
            mail.addMailbox(new NewImapMailbox(name, host, port, tls, username, password, folder));
            flash.addFlashAttribute("notice", "Mailbox " + name + " added; it is fetched within "
                    + mail.settings().imapPollInterval().toSeconds() + " seconds.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mail/mailboxes";
    }

    @PostMapping("/mail/mailboxes/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes flash) {
        try {
            var box = mail.pollMailbox(id);
            if (box.lastError() != null) {
                flash.addFlashAttribute("error", box.name() + ": " + box.lastError());
            } else {
                flash.addFlashAttribute("notice", box.name() + " fetched.");
            }
        } catch (NotFoundException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mail/mailboxes";
    }

    @PostMapping("/mail/mailboxes/{id}/{op:enable|disable}")
    String toggle(@PathVariable long id, @PathVariable String op, RedirectAttributes flash) {
        try {
            mail.enableMailbox(id, op.equals("enable"));
        } catch (NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mail/mailboxes";
    }

    @PostMapping("/mail/mailboxes/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        try {
            mail.deleteMailbox(id);
        } catch (NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mail/mailboxes";
    }
}
