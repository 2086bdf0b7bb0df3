package io.tidings.sms.send;

import java.time.Instant;

/**
 * A recipient that will be sent: the final text, what it bills ({@code units}: segments, or cn
 * messages), the route it was priced on and, when held by quiet hours, when it goes out.
 */
record Planned(Candidate candidate, String text, String encoding, int units, Route route, Instant holdUntil) {

    long costMicros() {
        return units * route.priceMicros();
    }
}
