package io.tidings.accounts;

import java.time.Instant;

/** A stored token: never the secret itself, only its name, prefix and role. */
public record ApiToken(long id, String name, String prefix, Role role, Instant createdAt, Instant lastUsedAt,
                       Instant revokedAt) {
}
