package io.tidings.sms.send;

import io.tidings.contacts.Contact;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.CnBilling;
import io.tidings.sms.SendPreview;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SignaturesApi;
import io.tidings.sms.SmsCount;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsTemplatesApi;
import io.tidings.sms.TemplateContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Works a request out recipient by recipient: rules, text with their variables, count, price. A
 * preview and a send run the same plan, so what is previewed is what is reserved and charged.
 */
@Component
class SendPlanner {

    private final Recipients recipients;
    private final SendRules rules;
    private final Router router;
    private final SmsTemplatesApi templates;
    private final SignaturesApi signatures;
    private final Clock clock;

    SendPlanner(Recipients recipients, SendRules rules, Router router, SmsTemplatesApi templates,
                SignaturesApi signatures, Clock clock) {
        this.recipients = recipients;
        this.rules = rules;
        this.router = router;
        this.templates = templates;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** @param sendId null for a preview (links are not shortened yet), the send's id for a real send */
    Plan plan(SendRequest request, String sendId) {
        String profile = request.profile();
        if (!profile.equals("intl") && !profile.equals("cn")) {
            throw new InvalidInputException("profile", "profile must be intl or cn, not '" + profile + "'");
        }
        String signature = null;
        if (profile.equals("cn")) {
            if (request.signature() == null || request.signature().isBlank()) {
                throw new InvalidInputException("signature", "A cn send needs an approved signature.");
            }
            signature = signatures.requireApproved(request.signature()).value();
        }
        checkBody(request, sendId);
        SendFacts facts = new SendFacts(request.traffic(), clock.instant(), router);
        List<Planned> planned = new ArrayList<>();
        List<SendPreview.Excluded> excluded = new ArrayList<>();
        List<Candidate> all = recipients.resolve(request);
        facts.blocklist(rules.blocklistFor(all.size()));
        for (Candidate c : all) {
            Verdict v = rules.check(c, facts);
            if (v.kind() == Verdict.Kind.EXCLUDE) {
                excluded.add(new SendPreview.Excluded(c.contactId(), c.to(), v.reason()));
                continue;
            }
            try {
                planned.add(message(request, c, signature, facts.route(c.country()).orElseThrow(), v.holdUntil(), sendId));
            } catch (InvalidInputException | IllegalArgumentException e) {
                excluded.add(new SendPreview.Excluded(c.contactId(), c.to(), e.getMessage()));
            }
        }
        return new Plan(planned, summary(all.size(), planned, excluded));
    }

    private void checkBody(SendRequest request, String sendId) {
        boolean hasText = request.text() != null && !request.text().isBlank();
        if (hasText == (request.templateId() != null)) {
            throw new InvalidInputException("text", "A send needs either a text or a templateId.");
        }
        if (request.templateId() != null) {
            try {
                templates.template(request.templateId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("templateId", "There is no template " + request.templateId() + ".");
            }
            if (sendId != null && !request.test()) {
                templates.requireUsable(request.templateId(), context(request));
            }
        }
    }

    private Planned message(SendRequest r, Candidate c, String signature, Route route, Instant hold,
                            String sendId) {
        Map<String, String> values = variables(r.values(), c);
        String body;
        if (r.templateId() != null) {
            body = r.test() ? templates.renderForTest(r.templateId(), values).text()
                    : sendId == null ? templates.render(r.templateId(), values).text()
                    : templates.renderForSend(r.templateId(), context(r), values, sendId, c.to()).text();
        } else {
            body = r.test() ? templates.renderForTest(r.text(), values).text() : templates.render(r.text(), values).text();
        }
        String text;
        SmsCount count;
        if (signature != null) {
            count = CnBilling.count(body, signature, r.unsubscribe(), r.smartEncoding());
            text = CnBilling.billedText(body, signature, r.unsubscribe(), r.smartEncoding());
        } else {
            String full = body + (r.unsubscribe() == null || r.unsubscribe().isBlank() ? "" : " " + r.unsubscribe().strip());
            text = r.smartEncoding() ? SmsCounter.smartReplace(full) : full;
            count = SmsCounter.count(text);
        }
        return new Planned(c, text, count.encoding().label(), count.segments(), route, hold);
    }

    private static TemplateContext context(SendRequest r) {
        return r.context() == null || r.context().isBlank() ? TemplateContext.CUSTOMER : TemplateContext.parse(r.context());
    }

    /** contact.* from the contact (custom fields too), then the send's own values; a raw number has only its phone. */
    static Map<String, String> variables(Map<String, String> sendValues, Candidate c) {
        Map<String, String> v = new HashMap<>();
        Contact k = c.contact();
        if (k != null) {
            if (k.customFields() != null) {
                k.customFields().forEach((key, value) -> {
                    if (value != null) {
                        v.put("contact." + key, String.valueOf(value));
                    }
                });
            }
            putIfSet(v, "contact.name", k.name());
            putIfSet(v, "contact.first_name", k.name() == null ? null : k.name().strip().split("\\s+")[0]);
            putIfSet(v, "contact.email", k.email());
            putIfSet(v, "contact.company", k.company());
        }
        putIfSet(v, "contact.phone", c.to());
        v.putAll(sendValues);
        return v;
    }

    private static void putIfSet(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }

    private static SendPreview summary(int recipients, List<Planned> planned, List<SendPreview.Excluded> excluded) {
        long credits = 0;
        Map<String, Long> costs = new TreeMap<>();
        Map<String, long[]> countries = new TreeMap<>();
        Map<String, Map<String, Long>> countryCosts = new HashMap<>();
        Map<Integer, Integer> segments = new TreeMap<>();
        List<SendPreview.Held> held = new ArrayList<>();
        for (Planned p : planned) {
            credits += p.units();
            costs.merge(p.route().currency(), p.costMicros(), Long::sum);
            String country = p.candidate().country();
            long[] line = countries.computeIfAbsent(country, k -> new long[2]);
            line[0]++;
            line[1] += p.units();
            countryCosts.computeIfAbsent(country, k -> new TreeMap<>()).merge(p.route().currency(), p.costMicros(), Long::sum);
            segments.merge(p.units(), 1, Integer::sum);
            if (p.holdUntil() != null) {
                held.add(new SendPreview.Held(p.candidate().contactId(), p.candidate().to(), p.holdUntil()));
            }
        }
        List<SendPreview.CountryLine> byCountry = countries.entrySet().stream()
                .map(e -> new SendPreview.CountryLine(e.getKey(), (int) e.getValue()[0], e.getValue()[1],
                        costs(countryCosts.get(e.getKey())))).toList();
        List<SendPreview.SegmentLine> bySegments = segments.entrySet().stream()
                .map(e -> new SendPreview.SegmentLine(e.getKey(), e.getValue())).toList();
        return new SendPreview(recipients, planned.size(), credits, costs(costs), byCountry, bySegments, held, excluded);
    }

    private static List<SendPreview.Cost> costs(Map<String, Long> micros) {
        return micros.entrySet().stream().map(e -> SendPreview.Cost.of(e.getKey(), e.getValue())).toList();
    }
}
