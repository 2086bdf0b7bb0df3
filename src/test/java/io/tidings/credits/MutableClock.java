package io.tidings.credits;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and move, so two-year expiry and the 30-day freeze run in milliseconds. */
final class MutableClock extends Clock {

    /** A fixed start, far from today, so runs against the persistent test database are repeatable. */
    static final Instant START = Instant.parse("2031-03-01T08:00:00Z");

    private volatile Instant now = START;

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        // Primary, because a @ConditionalOnMissingBean outside auto-configuration may still add its own.
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
