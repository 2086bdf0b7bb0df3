package io.tidings.sms.send;

import io.tidings.dispatch.Traffic;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the rules know about the send as a whole; routes are looked up once per country. */
final class SendFacts {

    private final Traffic traffic;
    private final Instant now;
    private final Router router;
    private final Map<String, Optional<Route>> routes = new HashMap<>();
    private Set<String> blocklist;

    SendFacts(Traffic traffic, Instant now, Router router) {
        this.traffic = traffic;
        this.now = now;
        this.router = router;
    }

    Traffic traffic() {
        return traffic;
    }

    boolean marketing() {
        return traffic == Traffic.MARKETING;
    }

    Instant now() {
        return now;
    }

    /** The SMS blocklist read once for this send, or null: each number is then looked up. */
    Set<String> blocklist() {
        return blocklist;
    }

    void blocklist(Set<String> numbers) {
        this.blocklist = numbers;
    }

    Optional<Route> route(String country) {
        return routes.computeIfAbsent(country, c -> router.cheapest(c, traffic.key()));
    }
}
