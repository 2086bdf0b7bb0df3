package io.tidings.sms.sandbox;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayFactory;
import io.tidings.sms.providers.ConfigReader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/**
 * Kind {@code sandbox}. Config (every key optional):
 * <pre>{ "delayMillis": 200, "failSuffixes": ["0000"], "throttle": false }</pre>
 * <ul>
 *   <li>a destination that is not E.164 ({@code +} and 2 to 15 digits, not starting with 0) is Rejected;</li>
 *   <li>a destination ending in one of {@code failSuffixes} (default "0000", e.g. +15005550000) is accepted
 *       and then reported FAILED; every other one DELIVERED, {@code delayMillis} after the submit;</li>
 *   <li>{@code throttle: true} answers every submit with Retry, as a provider saying "slow down" would.</li>
 * </ul>
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
        SandboxGateway.Settings s = settings(config);
        return new SandboxGateway("sandbox:" + providerId, s, sink);
    }

    static SandboxGateway.Settings settings(JsonNode config) {
        ConfigReader c = new ConfigReader(config);
        int delay = c.integer("delayMillis", DEFAULT_DELAY_MILLIS, 0, 60_000);
        List<String> suffixes = c.texts("failSuffixes", DEFAULT_FAIL_SUFFIXES);
        for (String s : suffixes) {
            if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(Character::isDigit)) {
                throw new InvalidInputException("config.failSuffixes", "A fail suffix is 1 to 15 digits.");
            }
        }
        JsonNode throttle = config.get("throttle");
        if (throttle != null && !throttle.isNull() && !throttle.isBoolean()) {
            throw new InvalidInputException("config.throttle", "Provider config 'throttle' is true or false.");
        }
        return new SandboxGateway.Settings(Duration.ofMillis(delay), suffixes, throttle != null && throttle.asBoolean());
    }
}
