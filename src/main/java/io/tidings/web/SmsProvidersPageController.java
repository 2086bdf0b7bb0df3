package io.tidings.web;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProvidersApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Providers with their live gateway state; adding and switching them is for admins. */
@Controller
class SmsProvidersPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record ProviderRow(SmsProvider provider, String status) {
    }

    private final SmsProvidersApi providers;

    SmsProvidersPageController(SmsProvidersApi providers) {
        this.providers = providers;
    }

    @GetMapping("/sms/providers")
    String page(Authentication who, Model model) {
        List<ProviderRow> rows = providers.list().stream().map(p -> new ProviderRow(p, status(p))).toList();
        model.addAttribute("providers", rows);
        model.addAttribute("kinds", providers.kinds().stream().sorted().toList());
        model.addAttribute("admin", Roles.isAdmin(who));
        return "sms/providers";
    }

    @PostMapping("/sms/providers")
    String add(@RequestParam String kind, @RequestParam String name, @RequestParam(defaultValue = "{}") String config,
               RedirectAttributes redirect) {
        try {
            JsonNode json = JSON.readTree(config.isBlank() ? "{}" : config);
            providers.add(kind, name, json, true);
        } catch (JacksonException e) {
            redirect.addFlashAttribute("error", "The settings are not valid JSON: " + e.getOriginalMessage());
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sms/providers";
    }

    @PostMapping("/sms/providers/{id}/{op:enable|disable}")
    String toggle(@PathVariable long id, @PathVariable String op, RedirectAttributes redirect) {
        try {
            if (op.equals("enable")) {
                providers.enable(id);
            } else {
                providers.disable(id);
            }
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sms/providers";
    }

    private String status(SmsProvider p) {
        if (!p.enabled()) {
            return "off";
        }
        try {
            return providers.gateway(p.id()).up() ? "up" : "down";
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }
}
