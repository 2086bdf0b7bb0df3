package io.tidings.sms;

import io.tidings.shared.InvalidInputException;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a send knows about each recipient, and so which template variables it can fill (seed 001:
 * a template with product variables cannot be chosen for a customer-level send). Each level offers
 * the namespaces of the levels before it. A variable without a namespace ({@code {{coupon}}}) is a
 * value the send itself supplies, so every level offers it.
 */
public enum TemplateContext {
    CUSTOMER(List.of("contact")),
    ORDER(List.of("contact", "order")),
    PRODUCT(List.of("contact", "order", "product"));

    /** Every namespace some level offers; a variable in any other namespace is a typo. */
    public static final List<String> NAMESPACES = PRODUCT.namespaces;

    private final List<String> namespaces;

    TemplateContext(List<String> namespaces) {
        this.namespaces = namespaces;
    }

    public List<String> namespaces() {
        return namespaces;
    }

    public boolean offers(String variable) {
        int dot = variable.indexOf('.');
        return dot < 0 || namespaces.contains(variable.substring(0, dot));
    }

    /** The first level that offers all these variables; empty when one is in an unknown namespace. */
    public static Optional<TemplateContext> smallestOffering(Collection<String> variables) {
        for (TemplateContext c : values()) {
            if (variables.stream().allMatch(c::offers)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TemplateContext parse(String key) {
        for (TemplateContext c : values()) {
            if (key != null && c.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new InvalidInputException("context", "context must be customer, order or product, not '" + key + "'");
    }
}
