package io.tidings.sms.smpp;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayFactory;
import io.tidings.sms.providers.ConfigReader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Kind {@code smpp}, so an SMSC is registered like Twilio or Vonage. Config:
 * <pre>{
 *   "host": "smsc.example.net",   required
 *   "port": 2775,                 required
 *   "systemId": "tidings",        required
 *   "password": "…",              secret
 *   "systemType": "",
 *   "sourceAddress": "TIDINGS",   the sender; "sourceTon"/"sourceNpi" (default 5/0 for letters, 1/1 for digits)
 *   "windowSize": 64, "maxPerSecond": 0, "usePayload": false,
 *   "enquireLinkSeconds": 30, "responseTimeoutMillis": 10000
 * }</pre>
 * The gateway binds in the background; routing skips it until it is up.
 */
@Component
class SmppGatewayFactory implements SmsGatewayFactory {

    @Override
    public String kind() {
        return "smpp";
    }

    @Override
    public void validate(JsonNode config) {
        config(0, config);
    }

    @Override
    public SmsGateway create(long providerId, JsonNode config, SmsEventSink sink) {
        return SmppGateway.start(config(providerId, config), sink);
    }

    static SmppConfig config(long providerId, JsonNode json) {
        ConfigReader c = new ConfigReader(json);
        String host = c.required("host");
        int port = c.integer("port", 2775, 1, 65_535);
        SmppConfig config = SmppConfig.of(host, port, c.required("systemId"), c.text("password", ""))
                .withId(String.valueOf(providerId))
                .withSystemType(c.text("systemType", ""))
                .withWindowSize(c.integer("windowSize", 64, 1, 10_000))
                .withMaxPerSecond(c.integer("maxPerSecond", 0, 0, 100_000))
                .withEnquireLinkInterval(Duration.ofSeconds(c.integer("enquireLinkSeconds", 30, 1, 3600)))
                .withResponseTimeout(Duration.ofMillis(c.integer("responseTimeoutMillis", 10_000, 100, 300_000)));
        JsonNode payload = json.get("usePayload");
        if (payload != null && !payload.isNull()) {
            if (!payload.isBoolean()) {
                throw new InvalidInputException("config.usePayload", "Provider config 'usePayload' is true or false.");
            }
            config = config.withUsePayload(payload.asBoolean());
        }
        String source = c.text("sourceAddress", "");
        if (!source.isEmpty()) {
            boolean digits = source.replace("+", "").chars().allMatch(Character::isDigit);
            config = config.withSource(source.replace("+", ""), c.integer("sourceTon", digits ? 1 : 5, 0, 6),
                    c.integer("sourceNpi", digits ? 1 : 0, 0, 18));
        }
        return config;
    }
}
