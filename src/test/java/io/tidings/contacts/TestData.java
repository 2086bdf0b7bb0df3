package io.tidings.contacts;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data that cannot collide with earlier runs: the test database persists, so every email and phone
 * carries this run's random part.
 */
final class TestData {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    // German mobiles 0151 + 8 digits: 5 random digits for the run, 3 counting up within it
    private static final String PHONE_RUN = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestData() {
    }

    static String email(String who) {
        return who + "." + RUN + "." + SEQ.incrementAndGet() + "@example.com";
    }

    /** E.164, valid, unique. */
    static String phone() {
        return "+49151" + PHONE_RUN + String.format("%03d", SEQ.incrementAndGet() % 1000);
    }

    static String tag(String what) {
        return what + "-" + RUN + "-" + SEQ.incrementAndGet();
    }
}
