package io.tidings.sms.templates;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.RenderedSms;

import java.util.List;
import java.util.Map;

/** Plain substitution: no expression language, no escaping, no second pass (see TemplateVariables.substitute). */
final class TemplateRenderer {

    private TemplateRenderer() {
    }

    static RenderedSms render(String body, Map<String, String> values) {
        requireValues(TemplateVariables.of(body), values);
        return new RenderedSms(TemplateVariables.substitute(body, values::get), false, List.of());
    }

    /** Every variable must have a value; the error lists all that are missing, not just the first. */
    static void requireValues(List<String> variables, Map<String, String> values) {
        List<String> missing = variables.stream().filter(v -> values == null || values.get(v) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("variables", "no value for " + TemplateRules.braces(missing));
        }
    }
}
