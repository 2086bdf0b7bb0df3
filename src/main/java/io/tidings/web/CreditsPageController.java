package io.tidings.web;

import io.tidings.credits.CreditsApi;
import io.tidings.credits.Lot;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** Balance, lots with their expiry, the ledger, and top-up at the tier price. */
@Controller
class CreditsPageController {

    private final CreditsApi credits;

    CreditsPageController(CreditsApi credits) {
        this.credits = credits;
    }

    @GetMapping("/credits")
    String page(@RequestParam(required = false) Long before, Authentication who, Model model) {
        String account = CreditsApi.DEFAULT_ACCOUNT;
        model.addAttribute("balance", credits.balance(account));
        model.addAttribute("lots", credits.lots(account));
        model.addAttribute("ledger", credits.ledger(account, before, 50));
        model.addAttribute("admin", Roles.isAdmin(who));
        return "credits/index";
    }

    @PostMapping("/credits/quote")
    String quote(@RequestParam(defaultValue = "") String messages, Model model) {
        try {
            model.addAttribute("quote", credits.quote(Long.parseLong(messages.trim())));
        } catch (NumberFormatException e) {
            model.addAttribute("quoteError", "Enter a whole number of messages.");
        } catch (InvalidInputException e) {
            model.addAttribute("quoteError", e.getMessage());
        }
        return "credits/quote :: quote";
    }

    @PostMapping("/credits/topup")
    String topUp(@RequestParam String messages, @RequestParam(defaultValue = "") String reference,
                 RedirectAttributes redirect) {
        try {
            String ref = reference.isBlank() ? "ui-" + UUID.randomUUID() : reference.trim();
            Lot lot = credits.topUp(CreditsApi.DEFAULT_ACCOUNT, Long.parseLong(messages.trim()), ref);
            redirect.addFlashAttribute("done", "Bought " + lot.messages() + " messages for " + lot.currency() + " "
                    + java.math.BigDecimal.valueOf(lot.priceFen(), 2) + "; they expire on " + lot.expiresAt().toString().substring(0, 10) + ".");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "Enter a whole number of messages.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/credits";
    }
}
