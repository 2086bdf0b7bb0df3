package io.tidings.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After too many failed logins for one username in a window, further attempts are refused
 * without checking the password. Failures live in the database so every node sees them.
 */
@Component
class LoginThrottle {

    private final AccountStore store;
    private final int maxFailures;
    private final long windowSeconds;

    LoginThrottle(AccountStore store,
                  @Value("${tidings.login.max-failures:5}") int maxFailures,
                  @Value("${tidings.login.window-seconds:900}") long windowSeconds) {
        this.store = store;
        this.maxFailures = maxFailures;
        this.windowSeconds = windowSeconds;
    }

    boolean blocked(String username) {
        return store.recentFailures(username, windowSeconds) >= maxFailures;
    }

    void failed(String username, String ip) {
        store.recordFailure(username, ip);
    }

    void succeeded(String username) {
        store.clearFailures(username);
    }
}
