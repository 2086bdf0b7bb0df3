package io.tidings.sms.twilio;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsProvidersSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.tidings.sms.WebhookClient.postForm;
import static io.tidings.sms.WebhookClient.send;
import static io.tidings.sms.WebhookClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's callbacks through the real HTTP server, signed by Twilio's own SDK. */
@SmsProvidersSpringTest
class TwilioWebhookTests {

    private static final String TOKEN = "twilio-auth-token-webhooks";

    @LocalServerPort
    int port;
    @Autowired
    SmsProvidersApi providers;
    @Autowired
    RecordingSink sink;

    private long providerId;

    @BeforeEach
    void provider() {
        SmsProvider p = providers.add("twilio", unique("twilio-webhooks"), JsonMapper.shared().readTree(
                "{\"accountSid\":\"AC77\",\"authToken\":\"" + TOKEN + "\",\"from\":\"+15005550006\"}"), true);
        providerId = p.id();
    }

    private String url(String what) {
        return "http://127.0.0.1:" + port + "/api/v1/webhooks/twilio/" + providerId + "/" + what;
    }

    private HttpResponse<String> signedPost(String url, Map<String, String> params) throws Exception {
        return postForm(url, params, "X-Twilio-Signature", TwilioOracle.sign(TOKEN, url, params));
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("MessageStatus", status);
        p.put("AccountSid", "AC77");
        p.put("To", "+41791234567");
        p.put("From", "+15005550006");
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }

    @Test
    void aSignedStatusCallbackBecomesADeliveryReportWithTheMappedStatus() throws Exception {
        Map<String, DeliveryReport.Status> expected = Map.of("delivered", DeliveryReport.Status.DELIVERED,
                "undelivered", DeliveryReport.Status.FAILED, "failed", DeliveryReport.Status.FAILED,
                "queued", DeliveryReport.Status.IN_FLIGHT, "sending", DeliveryReport.Status.IN_FLIGHT,
                "sent", DeliveryReport.Status.IN_FLIGHT);
        for (var e : expected.entrySet()) {
            String sid = unique("SM" + e.getKey());
            String error = e.getValue() == DeliveryReport.Status.FAILED ? "30003" : null;

            HttpResponse<String> r = signedPost(url("status"), status(sid, e.getKey(), error));

            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(204);
            DeliveryReport report = sink.awaitDelivery(sid, e.getValue(), java.time.Duration.ofSeconds(2));
            assertThat(report.gateway()).isEqualTo("twilio:" + providerId);
            assertThat(report.errorCode()).isEqualTo(error);
        }
    }

    @Test
    void aSignedInboundMessageReachesTheSinkAndIsAnsweredWithEmptyTwiml() throws Exception {
        String sid = unique("SMin");
        Map<String, String> params = new LinkedHashMap<>(Map.of("MessageSid", sid, "From", "+447700900123",
                "To", "+15005550006", "Body", "STOP & thanks = 🙏", "NumMedia", "0"));

        HttpResponse<String> r = signedPost(url("inbound"), params);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(r.body()).contains("<Response/>");
        InboundSms in = sink.awaitInbound(m -> m.providerMessageId().equals(sid), java.time.Duration.ofSeconds(2));
        assertThat(in.from()).isEqualTo("+447700900123");
        assertThat(in.to()).isEqualTo("+15005550006");
        assertThat(in.text()).isEqualTo("STOP & thanks = 🙏");
    }

    @Test
    void aWrongOrMissingSignatureIs403AndNothingReachesTheSink() throws Exception {
        String sid = unique("SMforged");
        Map<String, String> params = status(sid, "delivered", null);
        String signedForOther = TwilioOracle.sign("some-other-token", url("status"), params);

        HttpResponse<String> wrong = postForm(url("status"), params, "X-Twilio-Signature", signedForOther);
        HttpResponse<String> missing = postForm(url("status"), params);
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("MessageStatus", "failed");
        HttpResponse<String> altered = postForm(url("status"), tampered, "X-Twilio-Signature",
                TwilioOracle.sign(TOKEN, url("status"), params));
        HttpResponse<String> inbound = postForm(url("inbound"), Map.of("MessageSid", sid, "From", "+1", "To", "+2"),
                "X-Twilio-Signature", signedForOther);

        for (HttpResponse<String> r : java.util.List.of(wrong, missing, altered, inbound)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        Thread.sleep(100);
        assertThat(sink.deliveries()).noneMatch(d -> d.providerMessageId().equals(sid));
        assertThat(sink.inbound()).noneMatch(m -> m.providerMessageId().equals(sid));
    }

    @Test
    void aSignedButMalformedCallbackIs400() throws Exception {
        Map<String, String> noSid = Map.of("MessageStatus", "delivered");
        Map<String, String> noFrom = Map.of("MessageSid", "SMx", "To", "+15005550006", "Body", "hi");

        HttpResponse<String> status = signedPost(url("status"), noSid);
        HttpResponse<String> inbound = signedPost(url("inbound"), noFrom);

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(inbound.statusCode()).isEqualTo(400);
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownOrNonTwilioProviderIs404AndABadIdIs400() throws Exception {
        long sandbox = providers.add("sandbox", unique("not-twilio"), null, true).id();
        String unknown = "http://127.0.0.1:" + port + "/api/v1/webhooks/twilio/" + Long.MAX_VALUE + "/status";
        String notTwilio = "http://127.0.0.1:" + port + "/api/v1/webhooks/twilio/" + sandbox + "/status";
        String badId = "http://127.0.0.1:" + port + "/api/v1/webhooks/twilio/abc/status";

        assertThat(signedPost(unknown, status("SM1", "sent", null)).statusCode()).isEqualTo(404);
        assertThat(signedPost(notTwilio, status("SM1", "sent", null)).statusCode()).isEqualTo(404);
        assertThat(signedPost(badId, status("SM1", "sent", null)).statusCode()).isEqualTo(400);
        assertThat(send("GET", url("status"), null, null).statusCode()).isEqualTo(405);
    }

    @Test
    void aDisabledProvidersReceiptsStillCount() throws Exception {
        providers.disable(providerId);
        String sid = unique("SMlate");

        assertThat(signedPost(url("status"), status(sid, "delivered", null)).statusCode()).isEqualTo(204);
        assertThat(sink.awaitDelivery(sid, DeliveryReport.Status.DELIVERED, java.time.Duration.ofSeconds(2))).isNotNull();
    }
}
