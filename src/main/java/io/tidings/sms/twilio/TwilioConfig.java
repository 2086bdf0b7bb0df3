package io.tidings.sms.twilio;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.providers.ConfigReader;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Kind {@code twilio}. Config:
 * <pre>{
 *   "accountSid": "AC…",                  required
 *   "authToken": "…",                     required, secret; also verifies X-Twilio-Signature on webhooks
 *   "from": "+15005550006",               default sender when a message names none
 *   "messagingServiceSid": "MG…",         used instead of From when neither the message nor "from" names a sender
 *   "baseUrl": "https://api.twilio.com",  optional (tests point it at a stub)
 *   "concurrency": 8,                     requests in flight per batch, 1 to 64
 *   "timeoutMillis": 30000,               per request
 *   "connectTimeoutMillis": 10000
 * }</pre>
 */
record TwilioConfig(String accountSid, String authToken, String from, String messagingServiceSid, String baseUrl,
                    int concurrency, Duration timeout, Duration connectTimeout) {

    static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    static TwilioConfig of(JsonNode config) {
        ConfigReader c = new ConfigReader(config);
        String sid = c.required("accountSid");
        if (!sid.matches("[A-Za-z0-9]{1,64}")) {
            throw new InvalidInputException("config.accountSid", "A Twilio Account SID is letters and digits (AC…).");
        }
        return new TwilioConfig(sid, c.required("authToken"), c.text("from"), c.text("messagingServiceSid"),
                c.url("baseUrl", DEFAULT_BASE_URL), c.integer("concurrency", 8, 1, 64),
                Duration.ofMillis(c.integer("timeoutMillis", 30_000, 100, 300_000)),
                Duration.ofMillis(c.integer("connectTimeoutMillis", 10_000, 100, 60_000)));
    }
}
