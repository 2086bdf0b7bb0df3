package io.tidings.sms.templates;

import io.tidings.dispatch.Traffic;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.NewSmsTemplate;
import io.tidings.sms.RenderedSms;
import io.tidings.sms.ReviewState;
import io.tidings.sms.SmsTemplate;
import io.tidings.sms.SmsTemplatesApi;
import io.tidings.sms.TemplateContext;
import io.tidings.tracking.ShortenedText;
import io.tidings.tracking.TrackingApi;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/** {@link SmsTemplatesApi}: templates, their review, which sends may choose them, and rendering. */
@Service
class TemplateCatalog implements SmsTemplatesApi {

    static final int MAX_REASON = 200;

    private final TemplateStore store;
    private final TrackingApi tracking;
    private final TestSendRenderer testSends;

    TemplateCatalog(TemplateStore store, TrackingApi tracking, TestSendRenderer testSends) {
        this.store = store;
        this.tracking = tracking;
        this.testSends = testSends;
    }

    @Override
    public List<SmsTemplate> templates() {
        return store.all();
    }

    @Override
    public SmsTemplate template(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("There is no SMS template " + id + "."));
    }

    @Override
    public SmsTemplate create(NewSmsTemplate t, String createdBy) {
        if (t == null) {
            throw new InvalidInputException("body", "A template needs a name, body, traffic and context.");
        }
        String name = TemplateRules.name(t.name());
        List<String> variables = TemplateRules.body(t.body());
        if (t.traffic() == null) {
            throw new InvalidInputException("traffic", "traffic must be transactional or marketing");
        }
        if (t.context() == null) {
            throw new InvalidInputException("context", "context must be customer, order or product");
        }
        List<String> unfit = TemplateRules.notOffered(variables, t.context());
        if (!unfit.isEmpty()) {
            throw new InvalidInputException("body", TemplateRules.unfitMessage(name, unfit, t.context()));
        }
        checkLinks(t.body());
        TemplateContext needs = TemplateContext.smallestOffering(variables).orElseThrow();
        return store.insert(name, t.body(), t.traffic(), t.context(), needs, who(createdBy))
                .orElseThrow(() -> new ConflictException("There is already a template named '" + name + "'."));
    }

    @Override
    public SmsTemplate approve(long id, String reviewer) {
        return store.approve(id, who(reviewer)).orElseThrow(() -> notInState(id, "pending"));
    }

    @Override
    public SmsTemplate reject(long id, String reviewer, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "A rejection needs a reason of 1 to " + MAX_REASON
                    + " characters; the author sees it.");
        }
        return store.reject(id, who(reviewer), reason.strip()).orElseThrow(() -> notInState(id, "pending or approved"));
    }

    @Override
    public List<String> variablesOf(String body) {
        return body == null ? List.of() : TemplateVariables.of(body);
    }

    @Override
    public List<SmsTemplate> templatesFor(TemplateContext context) {
        if (context == null) {
            throw new InvalidInputException("context", "context must be customer, order or product");
        }
        return store.usable(context);
    }

    @Override
    public SmsTemplate requireUsable(long templateId, TemplateContext context) {
        SmsTemplate t = template(templateId);
        if (t.state() != ReviewState.APPROVED) {
            throw new InvalidInputException("templateId", "template '" + t.name() + "' is not approved ("
                    + (t.state() == ReviewState.REJECTED ? "rejected: " + t.rejectionReason() : t.state().key()) + ")");
        }
        List<String> unfit = TemplateRules.notOffered(t.variables(), context);
        if (!unfit.isEmpty()) {
            throw new InvalidInputException("templateId", TemplateRules.unfitMessage(t.name(), unfit, context));
        }
        return t;
    }

    @Override
    public RenderedSms render(long templateId, Map<String, String> values) {
        return TemplateRenderer.render(template(templateId).body(), values);
    }

    @Override
    public RenderedSms render(String body, Map<String, String> values) {
        TemplateRules.body(body);
        return TemplateRenderer.render(body, values);
    }

    @Override
    public RenderedSms renderForTest(long templateId, Map<String, String> values) {
        return testSends.render(template(templateId).body(), values);
    }

    @Override
    public RenderedSms renderForTest(String body, Map<String, String> values) {
        TemplateRules.body(body);
        return testSends.render(body, values);
    }

    @Override
    public RenderedSms renderForSend(long templateId, TemplateContext context, Map<String, String> values,
                                     String sendId, String recipientKey) {
        SmsTemplate t = requireUsable(templateId, context);
        ShortenedText shortened = tracking.shorten(TemplateRenderer.render(t.body(), values).text(), sendId, recipientKey);
        return new RenderedSms(shortened.text(), false, List.of());
    }

    private void checkLinks(String body) {
        try {
            tracking.checkLinks(body);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }

    private RuntimeException notInState(long id, String expected) {
        SmsTemplate t = template(id);
        return new ConflictException("template '" + t.name() + "' is " + t.state().key() + ", not " + expected);
    }

    private static String who(String name) {
        return name == null || name.isBlank() ? "unknown" : name;
    }

    static Traffic traffic(String key) {
        try {
            return Traffic.parse(key.strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException("traffic", "traffic must be transactional or marketing, not '" + key + "'");
        }
    }
}
