package io.tidings.web;

import io.tidings.mail.MailApi;
import io.tidings.mail.Unsubscribed;
import io.tidings.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Optional;

/**
 * The unsubscribe link of marketing mail (RFC 8058). No login and no CSRF token: the signed token in the
 * path is the authority. Only POST unsubscribes, so a link scanner that follows the URL (GET) changes
 * nothing; the GET page asks with a button that posts. A mail client's one-click POST carries
 * {@code List-Unsubscribe=One-Click}.
 */
@Controller
class UnsubscribePageController {

    private final MailApi mail;

    UnsubscribePageController(MailApi mail) {
        this.mail = mail;
    }

    @GetMapping("/mail/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> address = mail.unsubscribeAddress(token);
        if (address.isEmpty()) {
            return bad(model, response);
        }
        model.addAttribute("address", address.get());
        model.addAttribute("token", token);
        model.addAttribute("state", "confirm");
        return "mail/unsubscribe";
    }

    @PostMapping("/mail/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        String how = "One-Click".equalsIgnoreCase(request.getParameter("List-Unsubscribe")) ? "one-click" : "unsubscribe-page";
        Optional<Unsubscribed> done;
        try {
            done = mail.unsubscribe(token, how, request.getRemoteAddr());
        } catch (InvalidInputException e) {
            done = Optional.empty();
        }
        if (done.isEmpty()) {
            return bad(model, response);
        }
        model.addAttribute("address", done.get().address());
        model.addAttribute("state", "done");
        return "mail/unsubscribe";
    }

    private static String bad(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("state", "bad");
        return "mail/unsubscribe";
    }
}
