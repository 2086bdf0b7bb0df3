package io.tidings.web;

import io.tidings.dispatch.Traffic;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.NewSmsTemplate;
import io.tidings.sms.SmsTemplate;
import io.tidings.sms.SmsTemplatesApi;
import io.tidings.sms.TemplateContext;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SMS templates: create (variables detected as you type), see reviews; admins approve or reject. */
@Controller
class SmsTemplatesPageController {

    private final SmsTemplatesApi templates;

    SmsTemplatesPageController(SmsTemplatesApi templates) {
        this.templates = templates;
    }

    @GetMapping("/sms/templates")
    String page(Authentication who, Model model) {
        model.addAttribute("templates", templates.templates());
        model.addAttribute("admin", Roles.isAdmin(who));
        model.addAttribute("canCreate", Roles.canWrite(who));
        model.addAttribute("contexts", TemplateContext.values());
        model.addAttribute("traffics", Traffic.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", "", "body", "", "traffic", "transactional", "context", "customer"));
        }
        detect(model, String.valueOf(((Map<?, ?>) model.getAttribute("form")).get("body")));
        return "sms/templates";
    }

    /** The htmx answer to each keystroke in the body: the variables found, or why one is malformed. */
    @PostMapping("/sms/templates/variables")
    String variables(@RequestParam(defaultValue = "") String body, Model model) {
        detect(model, body);
        return "sms/template-variables :: variables";
    }

    @PostMapping("/sms/templates")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String body,
                  @RequestParam(defaultValue = "transactional") String traffic,
                  @RequestParam(defaultValue = "customer") String context,
                  Authentication who, RedirectAttributes redirect) {
        try {
            SmsTemplate t = templates.create(new NewSmsTemplate(name, body, traffic(traffic), TemplateContext.parse(context)),
                    who.getName());
            redirect.addFlashAttribute("done", "Created template '" + t.name() + "'; an admin reviews it before it can be sent.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("createError", e.getMessage());
            redirect.addFlashAttribute("form", Map.of("name", name, "body", body, "traffic", traffic, "context", context));
        }
        return "redirect:/sms/templates";
    }

    @PostMapping("/sms/templates/{id}/approve")
    String approve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", "Approved template '" + templates.approve(id, who.getName()).name() + "'.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sms/templates";
    }

    @PostMapping("/sms/templates/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication who,
                  RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", "Rejected template '" + templates.reject(id, who.getName(), reason).name() + "'.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sms/templates";
    }

    private void detect(Model model, String body) {
        try {
            List<String> found = templates.variablesOf(body);
            model.addAttribute("variables", found);
            model.addAttribute("needs", TemplateContext.smallestOffering(found).map(TemplateContext::key).orElse(null));
        } catch (InvalidInputException e) {
            model.addAttribute("variables", List.of());
            model.addAttribute("variablesError", e.getMessage());
        }
    }

    private static Traffic traffic(String key) {
        try {
            return Traffic.parse(key.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("traffic", "traffic must be transactional or marketing");
        }
    }
}
