package io.tidings.tracking.links;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /l/<code>}, public: a redirect to the code's stored target and nothing else. No part of
 * the request (a {@code url=} or {@code next=} parameter, a header) can change where it goes, so the
 * server can never be used as an open redirect.
 */
@Controller
class ShortLinkController {

    private static final String UNKNOWN = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Link not found · Tidings</title></head>
            <body><h1>Link not found</h1><p>This link is not known. Check that it was copied whole.</p></body></html>
            """;

    private final LinkTracker tracker;

    ShortLinkController(LinkTracker tracker) {
        this.tracker = tracker;
    }

    @GetMapping("/l/{code}")
    ResponseEntity<String> follow(@PathVariable String code, HttpServletRequest request) {
        // Link previews (chat apps, mail scanners) often send HEAD; only a real visit is a click.
        boolean record = "GET".equals(request.getMethod());
        return tracker.follow(code, record, hash(request.getHeader(HttpHeaders.USER_AGENT)))
                .map(target -> ResponseEntity.status(HttpStatus.FOUND)
                        .header(HttpHeaders.LOCATION, target)
                        // a cached redirect would not come back to count the next click
                        .cacheControl(CacheControl.noStore())
                        .header("Referrer-Policy", "no-referrer")
                        .<String>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .body(UNKNOWN));
    }

    private static String hash(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userAgent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
