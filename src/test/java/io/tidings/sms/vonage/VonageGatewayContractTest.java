package io.tidings.sms.vonage;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayContract;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsProvidersSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tidings.sms.WebhookClient.postForm;
import static io.tidings.sms.WebhookClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway contract for Vonage: the registry's gateway against a stub of the SMS API; receipts (one per
 * part, as Vonage sends them) and inbound messages come back through the real, signed webhook endpoints.
 */
@SmsProvidersSpringTest
class VonageGatewayContractTest implements SmsGatewayContract {

    private static final String SECRET = "contract-signature-secret";
    private static final VonageStub STUB = new VonageStub();
    private static WireMockServer vonage;
    private static long providerId;

    @LocalServerPort
    int port;
    @Autowired
    SmsProvidersApi providers;
    @Autowired
    RecordingSink sink;

    @BeforeAll
    static void startPeer() {
        vonage = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(STUB));
        vonage.start();
        vonage.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(STUB.getName())));
    }

    @AfterAll
    static void stopPeer() {
        vonage.stop();
        providerId = 0;
    }

    @BeforeEach
    void provider() {
        if (providerId == 0) {
            providerId = providers.add("vonage", unique("vonage-contract"), JsonMapper.shared().readTree("""
                    {"apiKey":"key","apiSecret":"secret","signatureSecret":"%s","baseUrl":"%s"}"""
                    .formatted(SECRET, vonage.baseUrl())), true).id();
        }
    }

    @Override
    public SmsGateway gateway() {
        return providers.gateway(providerId);
    }

    @Override
    public RecordingSink events() {
        return sink;
    }

    @Override
    public List<PeerMessage> receivedByPeer() {
        return List.copyOf(STUB.received);
    }

    @Override
    public void triggerDelivery(String providerMessageId) {
        for (String part : STUB.parts.getOrDefault(providerMessageId, List.of(providerMessageId))) {
            call("dlr", Map.of("msisdn", "41791234567", "to", "15005550006", "messageId", part, "status", "delivered",
                    "err-code", "0", "message-timestamp", "2026-11-23 18:00:00"));
        }
    }

    @Override
    public void injectInbound(String from, String to, String text) {
        call("inbound", Map.of("msisdn", from.substring(1), "to", to.substring(1), "messageId", unique("in"),
                "text", text, "type", "unicode"));
    }

    @Override
    public void throttle(boolean on) {
        STUB.throttled = on;
    }

    @Override
    public void resetPeer() {
        STUB.received.clear();
    }

    private void call(String webhook, Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        signed.put("sig", VonageSignature.compute(VonageSignature.Method.MD5HASH, SECRET, signed));
        try {
            HttpResponse<String> r = postForm("http://127.0.0.1:" + port + "/api/v1/webhooks/vonage/" + providerId + "/"
                    + webhook, signed);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
