package io.tidings.web;

import io.tidings.mail.MailApi;
import io.tidings.mail.NewMailServer;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Mail servers: outgoing SMTP servers; admins only, since they hold credentials. */
@Controller
class MailServersPageController {

    private static final String PAGE = "/settings/mail-servers";

    private final MailApi mail;

    MailServersPageController(MailApi mail) {
        this.mail = mail;
    }

    @GetMapping(PAGE)
    String page(Authentication who, Model model, HttpServletResponse response) {
        if (!Roles.isAdmin(who)) {
            return forbidden(model, response);
        }
        model.addAttribute("servers", mail.mailServers());
        model.addAttribute("dkim", mail.dkimKey());
        model.addAttribute("fromAddress", mail.settings().fromAddress());
        return "mail/servers";
    }

    @PostMapping(PAGE)
    String add(Authentication who, Model model, HttpServletResponse response, @RequestParam String name,
               @RequestParam String host, @RequestParam(required = false) String port,
               @RequestParam(defaultValue = "starttls") String security,
               @RequestParam(required = false) String username, @RequestParam(required = false) String password,
               @RequestParam(required = false) String priority, RedirectAttributes redirect) {
        if (!Roles.isAdmin(who)) {
            return forbidden(model, response);
        }
        try {
            mail.addMailServer(new NewMailServer(name, host, number("port", port), security, username, password,
                    number("priority", priority), true));
            redirect.addFlashAttribute("notice", "Mail server " + name.strip() + " added.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/{op:enable|disable|delete}")
    String change(Authentication who, Model model, HttpServletResponse response, @PathVariable long id,
                  @PathVariable String op, RedirectAttributes redirect) {
        if (!Roles.isAdmin(who)) {
            return forbidden(model, response);
        }
        try {
            switch (op) {
                case "enable" -> mail.setMailServerActive(id, true);
                case "disable" -> mail.setMailServerActive(id, false);
                default -> mail.deleteMailServer(id);
            }
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + PAGE;
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number, not '" + text + "'");
        }
    }

    private static String forbidden(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("forbidden", true);
        return "mail/servers";
    }
}
