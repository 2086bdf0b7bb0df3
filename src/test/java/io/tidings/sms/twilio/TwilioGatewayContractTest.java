package io.tidings.sms.twilio;

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
 * The gateway contract for Twilio: the gateway is the registry's, its peer a stub of Twilio's API, and
 * receipts and inbound messages come back through the real webhook endpoints, signed by Twilio's SDK.
 */
@SmsProvidersSpringTest
class TwilioGatewayContractTest implements SmsGatewayContract {

    private static final String TOKEN = "contract-auth-token";
    private static final TwilioStub STUB = new TwilioStub();
    private static WireMockServer twilio;
    private static long providerId;

    @LocalServerPort
    int port;
    @Autowired
    SmsProvidersApi providers;
    @Autowired
    RecordingSink sink;

    @BeforeAll
    static void startPeer() {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(STUB));
        twilio.start();
        twilio.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(STUB.getName())));
    }

    @AfterAll
    static void stopPeer() {
        twilio.stop();
        providerId = 0;
    }

    @BeforeEach
    void provider() {
        if (providerId == 0) {
            providerId = providers.add("twilio", unique("twilio-contract"), JsonMapper.shared().readTree("""
                    {"accountSid":"ACcontract","authToken":"%s","baseUrl":"%s"}""".formatted(TOKEN, twilio.baseUrl())), true).id();
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
        call("status", Map.of("MessageSid", providerMessageId, "MessageStatus", "delivered", "AccountSid", "ACcontract"));
    }

    @Override
    public void injectInbound(String from, String to, String text) {
        call("inbound", Map.of("MessageSid", unique("SM"), "From", from, "To", to, "Body", text, "AccountSid", "ACcontract"));
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
        String url = "http://127.0.0.1:" + port + "/api/v1/webhooks/twilio/" + providerId + "/" + webhook;
        try {
            HttpResponse<String> r = postForm(url, params, "X-Twilio-Signature", TwilioOracle.sign(TOKEN, url, params));
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
