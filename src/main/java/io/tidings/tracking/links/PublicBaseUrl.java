package io.tidings.tracking.links;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;

/** Where recipients reach this server ({@code tidings.public-base-url}); short links are built on it. */
@Component
class PublicBaseUrl {

    static final String PATH = "/l/";

    private final String base;

    PublicBaseUrl(@Value("${tidings.public-base-url:}") String configured) {
        // Unset, links point at a local server on the default port: right for a laptop; the README says
        // to set TIDINGS_PUBLIC_BASE_URL in production.
        String b = configured == null || configured.isBlank() ? "http://localhost:8080" : configured.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        URI uri = URI.create(b);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("tidings.public-base-url must be an http(s) URL such as https://t.example.com, not '"
                    + configured + "'");
        }
        this.base = b;
    }

    String shortUrl(String code) {
        return base + PATH + code;
    }

    /** A link we made ourselves; putting one in a text would credit its clicks to someone else. */
    boolean isOurShortLink(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT) + PATH);
    }
}
