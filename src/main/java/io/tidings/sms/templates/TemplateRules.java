package io.tidings.sms.templates;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.TemplateContext;

import java.util.List;
import java.util.stream.Collectors;

/** What a template body must be, apart from its links (those are tracking's allow-list). */
final class TemplateRules {

    static final int MAX_BODY = 1000;
    static final int MAX_NAME = 100;

    private TemplateRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("name", "A template name is 1 to " + MAX_NAME + " characters.");
        }
        return name.strip();
    }

    /** The body's variables, having checked it: length, no signature, well-formed variables in known namespaces. */
    static List<String> body(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "A template needs a body.");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "A template body is at most " + MAX_BODY + " characters.");
        }
        // Seed 001: the signature is added in front of every message; a template carrying one would
        // send two, or one that was never reviewed.
        if (body.indexOf('【') >= 0 || body.indexOf('】') >= 0) {
            throw new InvalidInputException("body", "A template must not contain a signature (【…】): "
                    + "the approved signature is added in front of every message.");
        }
        List<String> variables = TemplateVariables.of(body);
        List<String> unknown = variables.stream()
                .filter(v -> TemplateContext.smallestOffering(List.of(v)).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("body", "unknown variable namespace in " + braces(unknown) + ": use "
                    + TemplateContext.NAMESPACES.stream().map(n -> n + ".*").collect(Collectors.joining(", "))
                    + ", or a plain name for a value the send supplies");
        }
        return variables;
    }

    /** The variables a context does not offer; empty when the template fits it. */
    static List<String> notOffered(List<String> variables, TemplateContext context) {
        return variables.stream().filter(v -> !context.offers(v)).toList();
    }

    static String unfitMessage(String template, List<String> notOffered, TemplateContext context) {
        return "template '" + template + "' uses " + braces(notOffered) + ", which a " + context.key()
                + "-level send does not offer (it offers "
                + context.namespaces().stream().map(n -> n + ".*").collect(Collectors.joining(", "))
                + " and plain names)";
    }

    static String braces(List<String> variables) {
        return variables.stream().map(v -> "{{" + v + "}}").collect(Collectors.joining(", "));
    }
}
