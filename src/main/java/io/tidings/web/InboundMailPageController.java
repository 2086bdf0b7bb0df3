package io.tidings.web;

import io.tidings.mail.InboundMail;
import io.tidings.mail.MailApi;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The catch-all and recent inbound mail with their routes; one mail's parsed and raw form. Admins only (SecurityConfig). */
@Controller
class InboundMailPageController {

    private static final int PAGE = 50;
    private static final int RAW_SHOWN = 200_000;

    private final MailApi mail;

    InboundMailPageController(MailApi mail) {
        this.mail = mail;
    }

    @GetMapping("/mail/inbound")
    String list(@RequestParam(required = false) Long before, Model model) {
        List<InboundMail> recent = mail.inboundMail(before, PAGE);
        model.addAttribute("catchall", mail.catchall(null, PAGE));
        model.addAttribute("recent", recent);
        model.addAttribute("next", recent.size() == PAGE ? recent.getLast().id() : null);
        model.addAttribute("port", mail.inboundPort());
        model.addAttribute("domains", String.join(", ", mail.inboundSettings().domains()));
        return "mail/inbound";
    }

    @GetMapping("/mail/inbound/{id}")
    String detail(@PathVariable long id, Model model) {
        InboundMail m = mail.inbound(id);
        byte[] raw = mail.inboundRaw(id);
        String rawText = new String(raw, 0, Math.min(raw.length, RAW_SHOWN), StandardCharsets.ISO_8859_1);
        model.addAttribute("mail", m);
        model.addAttribute("text", mail.inboundText(id));
        model.addAttribute("raw", raw.length > RAW_SHOWN ? rawText + "\n[… " + (raw.length - RAW_SHOWN) + " more bytes]" : rawText);
        model.addAttribute("recordPath", m.recordModel() == null ? null : switch (m.recordModel()) {
            case "lead" -> "/leads/" + m.recordId();
            case "order" -> "/orders/" + m.recordId();
            default -> "/contacts/" + m.recordId();
        });
        return "mail/inbound";
    }

    /** Downloaded, never rendered: it is whatever anyone sent. */
    @GetMapping("/mail/inbound/{id}/raw")
    void raw(@PathVariable long id, HttpServletResponse response) throws IOException {
        byte[] raw = mail.inboundRaw(id);
        response.setContentType("message/rfc822");
        response.setHeader("Content-Disposition", "attachment; filename=\"inbound-" + id + ".eml\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(raw);
    }
}
