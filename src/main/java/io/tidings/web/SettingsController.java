package io.tidings.web;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.NewToken;
import io.tidings.accounts.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and API tokens (admin only, enforced in SecurityConfig). */
@Controller
class SettingsController {

    private final AccountsApi accounts;

    SettingsController(AccountsApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/settings")
    String index() {
        return "settings/index";
    }

    @GetMapping("/settings/users")
    String users(Model model) {
        model.addAttribute("users", accounts.users());
        model.addAttribute("roles", Role.values());
        return "settings/users";
    }

    @PostMapping("/settings/users")
    String addUser(@RequestParam String username, @RequestParam(required = false) String displayName,
                   @RequestParam(required = false) String email, @RequestParam String password,
                   @RequestParam String role, RedirectAttributes redirect) {
        try {
            accounts.createUser(username, displayName, email == null || email.isBlank() ? null : email, password, Role.parse(role));
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/users";
    }

    @GetMapping("/settings/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", accounts.tokens());
        model.addAttribute("roles", Role.values());
        return "settings/tokens";
    }

    @PostMapping("/settings/tokens")
    String createToken(@RequestParam String name, @RequestParam String role, Authentication who,
                       RedirectAttributes redirect) {
        try {
            Long userId = accounts.user(who.getName()).map(u -> u.id()).orElse(null);
            NewToken token = accounts.createToken(name, Role.parse(role), userId);
            redirect.addFlashAttribute("secret", token.secret());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/tokens";
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        accounts.revokeToken(id);
        return "redirect:/settings/tokens";
    }
}
