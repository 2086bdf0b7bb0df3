package io.tidings.sms.sandbox;

import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayFactory;
import io.tidings.sms.providers.ConfigReader;
import io.tidings.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/**
 * Kind {@code sandbox}. Config (every key optional):
 * <pre>{ "delayMillis": 200, "failSuffixes": ["0000"] }</pre>
 * A destination ending in one of {@code failSuffixes} is accepted and then reported FAILED; every other
 * one DELIVERED, {@code delayMillis} after the submit.
 */
@Component
class SandboxGatewayFactory implements SmsGatewayFactory {

    static final int DEFAULT_DELAY_MILLIS = 200;
    static final List<String> DEFAULT_FAIL_SUFFIXES = List.of("0000");

    @Override
    public String kind() {
        return "sandbox";
    }

    @Override
    public void validate(JsonNode config) {
        settings(config);
    }

    @Override
    public SmsGateway create(long providerId, JsonNode config, SmsEventSink sink) {
        Settings s = settings(config);
        return new SandboxGateway("sandbox:" + providerId, Duration.ofMillis(s.delayMillis()), s.failSuffixes(), sink);
    }

    private record Settings(int delayMillis, List<String> failSuffixes) {
    }

    private static Settings settings(JsonNode config) {
        ConfigReader c = new ConfigReader(config);
        int delay = c.integer("delayMillis", DEFAULT_DELAY_MILLIS, 0, 60_000);
        List<String> suffixes = c.texts("failSuffixes", DEFAULT_FAIL_SUFFIXES);
        for (String s : suffixes) {
            if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(Character::isDigit)) {
                throw new InvalidInputException("config.failSuffixes", "A fail suffix is 1 to 15 digits.");
            }
        }
        return new Settings(delay, suffixes);
    }
}
