package io.tidings.sms.templates;

import io.tidings.sms.NewSmsTemplate;
import io.tidings.sms.RenderedSms;
import io.tidings.sms.SmsTemplate;
import io.tidings.sms.SmsTemplatesApi;
import io.tidings.sms.TemplateContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** SMS templates over the API. Creating and rendering is for admins and marketers, reviewing for admins. */
@RestController
@RequestMapping("/api/v1/sms/templates")
class TemplatesController {

    private final SmsTemplatesApi templates;

    TemplatesController(SmsTemplatesApi templates) {
        this.templates = templates;
    }

    /** Traffic and context as their keys: "marketing", "order". */
    record TemplateRequest(String name, String body, String traffic, String context) {
    }

    record Rejection(String reason) {
    }

    /** {@code test: true} renders as a test send: coupons and links become placeholders. */
    record RenderRequest(Map<String, String> variables, Boolean test) {
    }

    /** With {@code context}, only the templates a send at that level may choose. */
    @GetMapping
    List<SmsTemplate> list(@RequestParam(required = false) String context) {
        return context == null ? templates.templates() : templates.templatesFor(TemplateContext.parse(context));
    }

    @GetMapping("/{id}")
    SmsTemplate one(@PathVariable long id) {
        return templates.template(id);
    }

    @PostMapping
    ResponseEntity<SmsTemplate> create(@RequestBody TemplateRequest r, Authentication who) {
        var t = new NewSmsTemplate(r.name(), r.body(), r.traffic() == null ? null : TemplateCatalog.traffic(r.traffic()),
                r.context() == null ? null : TemplateContext.parse(r.context()));
        return ResponseEntity.status(HttpStatus.CREATED).body(templates.create(t, who.getName()));
    }

    @PostMapping("/{id}/approve")
    SmsTemplate approve(@PathVariable long id, Authentication who) {
        return templates.approve(id, who.getName());
    }

    @PostMapping("/{id}/reject")
    SmsTemplate reject(@PathVariable long id, @RequestBody Rejection rejection, Authentication who) {
        return templates.reject(id, who.getName(), rejection.reason());
    }

    @PostMapping("/{id}/render")
    RenderedSms render(@PathVariable long id, @RequestBody RenderRequest r) {
        Map<String, String> values = r.variables() == null ? Map.of() : r.variables();
        return Boolean.TRUE.equals(r.test()) ? templates.renderForTest(id, values) : templates.render(id, values);
    }
}
