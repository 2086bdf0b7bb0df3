package io.tidings.tracking.links;

import io.tidings.shared.InvalidInputException;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What counts as a link domain, and which stored domains would allow a given host. */
final class LinkDomains {

    static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private LinkDomains() {
    }

    /** The domain as stored: lower-case ASCII (IDN in punycode), no scheme, path, port or trailing dot. */
    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("domain", "A domain is needed, such as shop.example.com.");
        }
        String s = raw.strip();
        if (s.contains("://")) {
            s = LinkFinder.hostOf(s);
        }
        if (s.startsWith("*.")) {
            s = s.substring(2);
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("domain", "'" + raw.strip() + "' is not a domain name.");
        }
        String[] labels = ascii.split("\\.", -1);
        boolean valid = ascii.length() <= MAX_LENGTH && labels.length >= 2
                && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw new InvalidInputException("domain", "'" + raw.strip()
                    + "' is not a domain name such as shop.example.com (IP addresses are not allowed).");
        }
        if (ShortLinkPolicy.isShortener(ascii)) {
            throw new InvalidInputException("domain", ascii + " is a link shortener; allow the shop's own domain instead.");
        }
        return ascii;
    }

    /** The stored domains that would allow {@code host}: the host itself and each parent ("a.b.c" → a.b.c, b.c). */
    static List<String> allowingCandidates(String host) {
        List<String> candidates = new ArrayList<>();
        String h = host;
        while (h.indexOf('.') > 0) {
            candidates.add(h);
            h = h.substring(h.indexOf('.') + 1);
        }
        return candidates;
    }
}
