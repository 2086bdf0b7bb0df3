package io.tidings.web;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsRate;
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

    record RateRow(SmsRate rate, String price) {
    }

    private final SmsProvidersApi providers;
    private final SmsApi sms;

    SmsProvidersPageController(SmsProvidersApi providers, SmsApi sms) {
        this.providers = providers;
        this.sms = sms;
    }

    @GetMapping("/sms/providers")
    String page(Authentication who, Model model) {
        List<ProviderRow> rows = providers.list().stream().map(p -> new ProviderRow(p, status(p))).toList();
        model.addAttribute("providers", rows);
        model.addAttribute("kinds", providers.kinds().stream().sorted().toList());
        model.addAttribute("admin", Roles.isAdmin(who));
        model.addAttribute("providerNames", providers.list().stream()
                .collect(java.util.stream.Collectors.toMap(SmsProvider::id, SmsProvider::name)));
        model.addAttribute("rates", sms.rates().stream()
                .map(r -> new RateRow(r, r.currency() + " " + java.math.BigDecimal.valueOf(r.priceMicros(), 6).stripTrailingZeros().toPlainString()))
                .toList());
        return "sms/providers";
    }

    @PostMapping("/sms/rates/import")
    String importRates(@RequestParam(defaultValue = "") String csv, RedirectAttributes redirect) {
        try {
            int n = sms.importRates(csv);
            redirect.addFlashAttribute("error", null);
            redirect.addFlashAttribute("imported", n + " rates imported.");
        } catch (InvalidInputException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Nothing imported: " + e.getMessage());
        }
        return "redirect:/sms/providers#rates";
    }

    @GetMapping("/sms/rates/export.csv")
    void exportRates(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sms-rates.csv\"");
        response.getWriter().write(sms.exportRatesCsv());
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
