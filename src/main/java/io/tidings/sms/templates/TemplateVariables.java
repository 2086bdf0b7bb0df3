package io.tidings.sms.templates;

import io.tidings.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} variables of a template body. A name is segments of letters, digits and
 * underscores joined by single dots ({@code contact.first_name}); spaces inside the braces are allowed.
 */
final class TemplateVariables {

    static final int MAX_NAME = 64;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\s*}}");

    private TemplateVariables() {
    }

    /** Distinct names in order of first use; an InvalidInputException when a {{…}} is not a variable. */
    static List<String> of(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(body);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (m.group(1).length() > MAX_NAME) {
                throw new InvalidInputException("body", "variable {{" + m.group(1).substring(0, 20) + "…}} is longer than "
                        + MAX_NAME + " characters");
            }
            names.add(m.group(1));
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        // Whatever still has double braces was meant as a variable but is not one; sent as is, the
        // recipient would see the braces.
        int bad = Math.max(rest.indexOf("{{"), rest.indexOf("}}"));
        if (bad >= 0) {
            int at = rest.indexOf("{{") >= 0 ? rest.indexOf("{{") : bad;
            String near = rest.substring(Math.max(0, at), Math.min(rest.length(), at + 24));
            throw new InvalidInputException("body", "malformed variable near '" + near
                    + "': write {{name}} with letters, digits, underscores and dots, such as {{contact.first_name}}");
        }
        return new ArrayList<>(names);
    }

    /**
     * Replaces each variable once by {@code value.apply(name)}, inserted literally: a value is never
     * read again, so one that looks like a variable or an expression stays as typed.
     */
    static String substitute(String body, Function<String, String> value) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 32);
        int last = 0;
        while (m.find()) {
            out.append(body, last, m.start()).append(value.apply(m.group(1)));
            last = m.end();
        }
        return out.append(body, last, body.length()).toString();
    }
}
