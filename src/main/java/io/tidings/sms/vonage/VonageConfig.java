package io.tidings.sms.vonage;

import io.tidings.sms.providers.ConfigReader;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Kind {@code vonage} (the SMS API, formerly Nexmo). Config:
 * <pre>{
 *   "apiKey": "…",                         required
 *   "apiSecret": "…",                      required, secret
 *   "from": "Tidings",                     default sender when a message names none (number or alphanumeric)
 *   "signatureSecret": "…",                secret; required for webhooks, which are refused unsigned
 *   "signatureMethod": "md5hash",          md5hash (Vonage's default), md5, sha1, sha256 or sha512 (HMACs),
 *                                          as chosen in the Vonage dashboard
 *   "baseUrl": "https://rest.nexmo.com",   optional (tests point it at a stub)
 *   "concurrency": 8,                      requests in flight per batch, 1 to 64
 *   "timeoutMillis": 30000,
 *   "connectTimeoutMillis": 10000
 * }</pre>
 */
record VonageConfig(String apiKey, String apiSecret, String from, String signatureSecret,
                    VonageSignature.Method signatureMethod, String baseUrl, int concurrency,
                    Duration timeout, Duration connectTimeout) {

    static final String DEFAULT_BASE_URL = "https://rest.nexmo.com";

    static VonageConfig of(JsonNode config) {
        ConfigReader c = new ConfigReader(config);
        return new VonageConfig(c.required("apiKey"), c.required("apiSecret"), c.text("from"), c.text("signatureSecret"),
                VonageSignature.Method.parse(c.text("signatureMethod", "md5hash")),
                c.url("baseUrl", DEFAULT_BASE_URL), c.integer("concurrency", 8, 1, 64),
                Duration.ofMillis(c.integer("timeoutMillis", 30_000, 100, 300_000)),
                Duration.ofMillis(c.integer("connectTimeoutMillis", 10_000, 100, 60_000)));
    }
}
