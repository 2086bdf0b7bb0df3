package io.tidings.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Map;

/** The product areas whose modules come with later issues; each page says what it will hold. */
@Controller
class AreasController {

    record Area(String title, String description) {
    }

    private static final Map<String, Area> AREAS = Map.of(
            "sms", new Area("SMS", "Compose SMS with an exact segment and cost counter, providers, rate cards, credits and sender signatures."),
            "email", new Area("Email", "Outgoing mail with DKIM, mail servers, domains and their DNS status, and inbound routing."),
            "campaigns", new Area("Campaigns", "Mass sends to an audience, with a cost preview and consent checks."),
            "automation", new Area("Automation", "Workflows of emails, SMS and actions with triggers, delays, test runs and reports."),
            "reports", new Area("Reports", "Delivery, clicks and traces across sends and campaigns."));

    @GetMapping({"/email", "/campaigns", "/automation", "/reports"})
    String area(jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("area", AREAS.get(request.getRequestURI().substring(1)));
        return "areas/area";
    }
}
