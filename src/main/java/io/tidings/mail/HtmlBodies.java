package io.tidings.mail;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What HTML mail may become here. Only the sanitised form is ever stored or shown: text formatting,
 * blocks, tables and http/https/mailto links (rel=nofollow); no scripts, styles, event handlers,
 * forms, frames or images (a remote image is a tracking pixel). The thread body is plain text, taken
 * from the HTML when the mail has no text part.
 */
final class HtmlBodies {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "pre", "blockquote", "span", "div").toFactory());

    private static final Set<String> HIDDEN = Set.of("script", "style", "head", "title", "noscript", "template", "iframe", "object");
    private static final Set<String> BREAKS = Set.of("br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr");

    private HtmlBodies() {
    }

    static String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }

    /** The readable text of the HTML: tags dropped, entities decoded, script and style content left out. */
    static String toText(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int[] hidden = {0};
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String element, List<String> attrs) {
                String e = element.toLowerCase(Locale.ROOT);
                if (HIDDEN.contains(e)) {
                    hidden[0]++;
                } else if (BREAKS.contains(e)) {
                    out.append('\n');
                } else if (e.equals("td") || e.equals("th")) {
                    out.append(' ');
                }
            }

            @Override
            public void closeTag(String element) {
                String e = element.toLowerCase(Locale.ROOT);
                if (HIDDEN.contains(e)) {
                    hidden[0] = Math.max(0, hidden[0] - 1);
                } else if (BREAKS.contains(e)) {
                    out.append('\n');
                }
            }

            @Override
            public void text(String text) {
                if (hidden[0] == 0) {
                    out.append(text);
                }
            }
        });
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
