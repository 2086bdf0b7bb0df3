package io.tidings.tracking.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the http(s) links of a text and the host each one really goes to. */
final class LinkFinder {

    /**
     * One link: {@code [start, end)} in the text, the link itself, and its lower-case host
     * (empty when the link has none, such as {@code https://{{shop.domain}}/}).
     */
    record Found(int start, int end, String url, String host) {
    }

    // ASCII only: Chinese text often touches a link with no space ("点击https://a.cn/x领取"), and a
    // raw non-ASCII character cannot be part of a link in an SMS anyway. No braces either, so a
    // template variable ends the link before it.
    private static final Pattern URL = Pattern.compile("(?i)https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");
    // Sentence punctuation after a link belongs to the sentence: "see https://a.com/x." ends at x.
    private static final String TRAILING = ".,;:!?'";

    private LinkFinder() {
    }

    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = trimTrailing(m.group());
            found.add(new Found(m.start(), m.start() + url.length(), url, hostOf(url)));
        }
        return found;
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (TRAILING.indexOf(c) >= 0 || c == ')' && unbalanced(url, end, '(', ')')
                    || c == ']' && unbalanced(url, end, '[', ']')) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    // "(see https://a.com/x)" keeps its closing bracket outside; "https://a.com/wiki/X_(y)" keeps it inside.
    private static boolean unbalanced(String url, int end, char open, char close) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
        return depth < 0;
    }

    /** The host a browser would visit: after any user info ({@code good.com@evil.com} goes to evil.com), without port. */
    static String hostOf(String url) {
        int from = url.indexOf("://") + 3;
        int to = from;
        while (to < url.length() && "/?#".indexOf(url.charAt(to)) < 0) {
            to++;
        }
        String authority = url.substring(from, to);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host : host.substring(0, close + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
