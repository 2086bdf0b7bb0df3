package io.tidings.tracking;

import java.time.Instant;

/** A domain whose links may be sent and shortened; its subdomains count as allowed too. */
public record LinkDomain(String domain, String addedBy, Instant addedAt) {
}
