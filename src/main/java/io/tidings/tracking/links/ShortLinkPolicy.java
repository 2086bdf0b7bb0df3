package io.tidings.tracking.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Seed 001: a pasted short link is an error, because Tidings makes its own per-recipient short
 * links (and a third party's short link hides where it goes and counts no clicks for us).
 */
final class ShortLinkPolicy {

    /** Public link shorteners; a host that is one of these or a subdomain of one is a short link. */
    static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "bitly.com", "j.mp", "t.co", "tinyurl.com", "goo.gl", "g.co", "ow.ly", "is.gd", "v.gd",
            "buff.ly", "t.cn", "url.cn", "dwz.cn", "suo.im", "rebrand.ly", "cutt.ly", "s.id", "tiny.cc",
            "shorturl.at", "rb.gy", "t.ly", "lnkd.in", "bl.ink", "short.io", "soo.gd", "clck.ru", "u.to",
            "qr.ae", "db.tt", "amzn.to", "youtu.be", "w.url.cn", "mrw.so", "sohu.gg", "c7.gg", "kurl.cn");

    // "bit.ly/abc" pasted without a scheme is still a short link; a real sentence rarely has one.
    private static final Pattern BARE = Pattern.compile("(?i)(?<![A-Za-z0-9.\\-/@])((?:[a-z0-9\\-]+\\.)*(?:"
            + SHORTENERS.stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + "))/[A-Za-z0-9]+");

    private ShortLinkPolicy() {
    }

    static boolean isShortener(String host) {
        for (String s : SHORTENERS) {
            if (host.equals(s) || host.endsWith("." + s)) {
                return true;
            }
        }
        return false;
    }

    /** The first scheme-less short link in the text ({@code bit.ly/x}), if any. */
    static Optional<String> bareShortLink(String text) {
        Matcher m = BARE.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Every scheme-less short link of the text with where it starts. */
    static List<Map.Entry<Integer, String>> bareShortLinks(String text) {
        List<Map.Entry<Integer, String>> found = new ArrayList<>();
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            found.add(Map.entry(m.start(), m.group()));
        }
        return found;
    }

    /** The text with every scheme-less short link replaced. */
    static String replaceBare(String text, String placeholder) {
        return BARE.matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
    }

    static String error(String link) {
        return "already-short link " + link + " — paste the long link; Tidings shortens it";
    }
}
