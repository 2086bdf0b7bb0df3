package io.tidings.tracking;

import java.util.List;

/**
 * The tracking module's facade. Links in a text are checked against the allow-list of domains; a
 * send's long links become short links, one code per recipient, so a click says who clicked.
 *
 * <p>Errors are {@link io.tidings.shared.InvalidInputException}s (field {@code text} or {@code domain})
 * that name the offending link or domain.
 */
public interface TrackingApi {

    /** The allowed link domains, alphabetically. */
    List<LinkDomain> domains();

    /**
     * Allows links to {@code domain} and its subdomains. Accepts what people paste ("Shop.Example.com",
     * "https://shop.example.com/x"); stores the lower-case host. Already allowed: returns the stored row.
     */
    LinkDomain allowDomain(String domain, String addedBy);

    /** Stops allowing a domain for new texts; links already made keep redirecting. False when it was not allowed. */
    boolean removeDomain(String domain);

    /**
     * The http(s) links of a text, in order, after checking each: its host must be on an allowed
     * domain and it must not be an already-short link (a known shortener or one of ours).
     */
    List<String> checkLinks(String text);

    /**
     * Replaces each link of {@code text} by a short link for this send and recipient. The same
     * send and target share one link row (its statistics); each recipient gets its own code.
     * Calling again for the same send, target and recipient returns the same short URL.
     */
    ShortenedText shorten(String text, String sendId, String recipientKey);

    /** Every link of the text in order, checked or not, including scheme-less short links ({@code bit.ly/x}). */
    List<String> linksIn(String text);

    /** The text with every link of {@link #linksIn} replaced by {@code placeholder}; for test sends. */
    String withoutLinks(String text, String placeholder);

    /** Clicks of one send, per link. A send with no tracked links has no rows and zero counts. */
    SendClicks clicks(String sendId);

    /** How often one recipient of a send clicked any of its links. */
    long clicksBy(String sendId, String recipientKey);
}
