package io.tidings.dispatch;

import java.time.Duration;

/**
 * How many messages a worker may claim now under its channel's cluster-wide rate, and how long to
 * wait when the answer is none. The bucket itself lives in PostgreSQL (see DispatchStore.TAKE_TOKENS).
 */
final class RateGate {

    private static final Duration SHORTEST_WAIT = Duration.ofMillis(5);

    private final DispatchStore store;

    RateGate(DispatchStore store) {
        this.store = store;
    }

    /** @param count how many may be claimed; {@code retryIn} says when to ask again when it is 0 */
    record Permit(int count, boolean limited, Duration retryIn) {
    }

    Permit acquire(String channel, int want, Duration longestWait) {
        return store.takeTokens(channel, want)
                .map(g -> g.granted() > 0
                        ? new Permit(g.granted(), true, Duration.ZERO)
                        : new Permit(0, true, waitFor(g, longestWait)))
                .orElseGet(() -> new Permit(want, false, Duration.ZERO));
    }

    /** Tokens taken for messages that were not there to claim go back, so an idle node costs no rate. */
    void release(String channel, Permit permit, int used) {
        if (permit.limited() && used < permit.count()) {
            store.giveBackTokens(channel, permit.count() - used);
        }
    }

    private static Duration waitFor(DispatchStore.Grant g, Duration longestWait) {
        double seconds = Math.max(0, g.wanted() - g.tokensLeft()) / g.rate();
        Duration wait = Duration.ofNanos((long) (seconds * 1e9));
        if (wait.compareTo(SHORTEST_WAIT) < 0) {
            return SHORTEST_WAIT;
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
