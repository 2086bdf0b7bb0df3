package io.tidings.sms.twilio;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Our X-Twilio-Signature check must agree with Twilio's own SDK, on inputs neither was written for. */
class TwilioSignatureOracleTest {

    private static final String ALPHABET = "abcXYZ019 +-_.~&=?/%:@ü€😀";
    private static final List<String> URLS = List.of("https://tidings.example.com", "http://127.0.0.1:8080",
            "https://sms.example.org:8443", "http://localhost");

    @Test
    void signaturesFromTwilioSdkAreAcceptedAndOursAreAcceptedByTheSdkOnRandomInputs() {
        Random random = new Random(20261123);
        for (int i = 0; i < 500; i++) {
            String token = word(random, 32);
            String url = URLS.get(random.nextInt(URLS.size())) + "/api/v1/webhooks/twilio/" + random.nextInt(1000)
                    + "/status" + (random.nextBoolean() ? "" : "?attempt=" + random.nextInt(5) + "&x=y%20z");
            Map<String, String> params = new LinkedHashMap<>();
            int n = random.nextInt(8);
            for (int p = 0; p < n; p++) {
                params.put(random.nextBoolean() ? "MessageSid" + p : word(random, 1 + random.nextInt(10)), word(random, random.nextInt(40)));
            }

            String theirs = TwilioOracle.sign(token, url, params);
            String ours = TwilioSignature.compute(token, url, multi(params));

            assertThat(ours).as("input %d", i).isEqualTo(theirs);
            assertThat(TwilioSignature.valid(token, url, multi(params), theirs)).isTrue();
            assertThat(TwilioOracle.validates(token, url, params, ours)).isTrue();
        }
    }

    @Test
    void aTamperedParameterUrlOrTokenFailsInBothValidators() {
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SM123", "MessageStatus", "delivered"));
        String url = "https://tidings.example.com/api/v1/webhooks/twilio/1/status";
        String signature = TwilioOracle.sign("token-1", url, params);
        Map<String, String> tampered = new TreeMap<>(params);
        tampered.put("MessageStatus", "failed");

        assertThat(TwilioSignature.valid("token-1", url, multi(tampered), signature)).isFalse();
        assertThat(TwilioOracle.validates("token-1", url, tampered, signature)).isFalse();
        assertThat(TwilioSignature.valid("token-2", url, multi(params), signature)).isFalse();
        assertThat(TwilioSignature.valid("token-1", url.replace("/1/", "/2/"), multi(params), signature)).isFalse();
        assertThat(TwilioSignature.valid("token-1", url, multi(params), null)).isFalse();
        assertThat(TwilioSignature.valid("token-1", url, multi(params), "")).isFalse();
    }

    @Test
    void likeTheSdkASignatureOverTheUrlWithOrWithoutTheDefaultPortIsAccepted() {
        Map<String, String> params = Map.of("MessageSid", "SM9", "MessageStatus", "sent");
        String withPort = "https://tidings.example.com:443/api/v1/webhooks/twilio/5/status";
        String withoutPort = "https://tidings.example.com/api/v1/webhooks/twilio/5/status";

        String signedWithPort = TwilioOracle.sign("t0k3n", withPort, params);

        assertThat(TwilioOracle.validates("t0k3n", withoutPort, params, signedWithPort)).isTrue();
        assertThat(TwilioSignature.valid("t0k3n", withoutPort, multi(params), signedWithPort)).isTrue();
    }

    private static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }

    private static String word(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(ALPHABET.codePoints().toArray()[random.nextInt((int) ALPHABET.codePoints().count())]);
        }
        return s.toString();
    }
}
