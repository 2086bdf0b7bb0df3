package io.tidings.accounts;

import java.time.Instant;

public record User(long id, String username, String displayName, String email, Role role, boolean enabled,
                   Instant createdAt) {
}
