package io.tidings.sms.templates;

import io.tidings.sms.RenderedSms;
import io.tidings.sms.SmsTemplatesApi;
import io.tidings.tracking.TrackingApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seed 001: a test send goes out without the real coupon or link. A coupon variable is one whose
 * last segment starts with "coupon" ({@code coupon}, {@code coupon_code}, {@code order.coupon_url})
 * or is named in {@code tidings.sms.test-placeholder-variables}; it becomes {@code [coupon]}.
 * After rendering, every link becomes {@code [link]}, also one that came in through a value.
 */
@Component
class TestSendRenderer {

    private final TrackingApi tracking;
    private final Set<String> configured;

    TestSendRenderer(TrackingApi tracking,
                     @Value("${tidings.sms.test-placeholder-variables:}") List<String> configured) {
        this.tracking = tracking;
        this.configured = configured.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    boolean isCoupon(String variable) {
        String last = variable.substring(variable.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.startsWith("coupon") || configured.contains(variable);
    }

    RenderedSms render(String body, Map<String, String> values) {
        List<String> placeholders = new ArrayList<>();
        List<String> variables = TemplateVariables.of(body);
        TemplateRenderer.requireValues(variables.stream().filter(v -> !isCoupon(v)).toList(), values);
        String text = TemplateVariables.substitute(body, name -> {
            if (isCoupon(name)) {
                placeholders.add("{{" + name + "}}");
                return SmsTemplatesApi.COUPON_PLACEHOLDER;
            }
            return values.get(name);
        });
        placeholders.addAll(tracking.linksIn(text));
        return new RenderedSms(tracking.withoutLinks(text, SmsTemplatesApi.LINK_PLACEHOLDER), true, List.copyOf(placeholders));
    }
}
