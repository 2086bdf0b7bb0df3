package io.tidings.web;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.Signature;
import io.tidings.sms.SignaturesApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sender signatures: apply, see the review and its reason; admins approve or reject (SecurityConfig). */
@Controller
class SignaturesPageController {

    private final SignaturesApi signatures;

    SignaturesPageController(SignaturesApi signatures) {
        this.signatures = signatures;
    }

    @GetMapping("/sms/signatures")
    String page(Authentication who, Model model) {
        model.addAttribute("signatures", signatures.signatures());
        model.addAttribute("admin", Roles.isAdmin(who));
        model.addAttribute("canApply", Roles.canWrite(who));
        return "sms/signatures";
    }

    @PostMapping("/sms/signatures")
    String apply(@RequestParam(defaultValue = "") String signature, Authentication who, RedirectAttributes redirect) {
        try {
            Signature s = signatures.apply(signature, who.getName());
            redirect.addFlashAttribute("done", "Applied for " + s.bracketed() + "; an admin reviews it before it can be sent.");
        } catch (InvalidInputException | ConflictException e) {
            // shown beside the field, with what was typed kept in it
            redirect.addFlashAttribute("applyError", e.getMessage());
            redirect.addFlashAttribute("applied", signature);
        }
        return "redirect:/sms/signatures";
    }

    @PostMapping("/sms/signatures/{id}/approve")
    String approve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", "Approved " + signatures.approve(id, who.getName()).bracketed() + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sms/signatures";
    }

    @PostMapping("/sms/signatures/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication who,
                  RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", "Rejected " + signatures.reject(id, who.getName(), reason).bracketed() + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sms/signatures";
    }
}
