package io.tidings.sms.vonage;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsProvidersSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tidings.sms.WebhookClient.form;
import static io.tidings.sms.WebhookClient.postForm;
import static io.tidings.sms.WebhookClient.send;
import static io.tidings.sms.WebhookClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Vonage's callbacks through the real HTTP server, signed as Vonage signs them. */
@SmsProvidersSpringTest
class VonageWebhookTests {

    private static final String SECRET = "vonage-signature-secret";
    private static final Duration WAIT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    SmsProvidersApi providers;
    @Autowired
    RecordingSink sink;

    private long md5Provider;
    private long sha256Provider;

    @BeforeEach
    void providers() {
        md5Provider = vonage("md5hash");
        sha256Provider = vonage("sha256");
    }

    private long vonage(String method) {
        return providers.add("vonage", unique("vonage-" + method), JsonMapper.shared().readTree("""
                {"apiKey":"k","apiSecret":"s","signatureSecret":"%s","signatureMethod":"%s"}""".formatted(SECRET, method)),
                true).id();
    }

    private String url(long provider, String what) {
        return "http://127.0.0.1:" + port + "/api/v1/webhooks/vonage/" + provider + "/" + what;
    }

    private static Map<String, String> signed(VonageSignature.Method method, Map<String, String> params, Instant at) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("timestamp", Long.toString(at.getEpochSecond()));
        p.put("nonce", unique("n"));
        p.put("sig", VonageSignature.compute(method, SECRET, p));
        return p;
    }

    private static Map<String, String> receipt(String messageId, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("msisdn", "447700900001");
        p.put("to", "Tidings");
        p.put("network-code", "23410");
        p.put("messageId", messageId);
        p.put("price", "0.03330000");
        p.put("status", status);
        p.put("scts", "2611231800");
        p.put("err-code", "delivered".equals(status) ? "0" : "1");
        p.put("api-key", "k");
        p.put("client-ref", "77");
        p.put("message-timestamp", "2026-11-23 18:00:05");
        return p;
    }

    @Test
    void aSignedReceiptMapsMsisdnToTheRecipientAndToToTheSender() throws Exception {
        String id = unique("0A");

        HttpResponse<String> r = postForm(url(md5Provider, "dlr"),
                signed(VonageSignature.Method.MD5HASH, receipt(id, "delivered"), Instant.now()));

        assertThat(r.statusCode()).isEqualTo(204);
        DeliveryReport report = sink.awaitDelivery(id, DeliveryReport.Status.DELIVERED, WAIT);
        assertThat(report.gateway()).isEqualTo("vonage:" + md5Provider);
        assertThat(report.detail()).contains("recipient +447700900001").contains("sender Tidings");
        assertThat(report.errorCode()).isNull();
        assertThat(report.at()).isEqualTo(Instant.parse("2026-11-23T18:00:05Z"));
    }

    @Test
    void receiptStatusesMapAndAGetReceiptSignedWithHmacSha256Works() throws Exception {
        Map<String, DeliveryReport.Status> expected = Map.of("delivered", DeliveryReport.Status.DELIVERED,
                "expired", DeliveryReport.Status.FAILED, "failed", DeliveryReport.Status.FAILED,
                "rejected", DeliveryReport.Status.FAILED, "accepted", DeliveryReport.Status.IN_FLIGHT,
                "buffered", DeliveryReport.Status.IN_FLIGHT, "unknown", DeliveryReport.Status.IN_FLIGHT);
        for (var e : expected.entrySet()) {
            String id = unique("0B");
            String query = form(signed(VonageSignature.Method.SHA256, receipt(id, e.getKey()), Instant.now()));

            HttpResponse<String> r = send("GET", url(sha256Provider, "dlr") + "?" + query, null, null);

            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(204);
            DeliveryReport report = sink.awaitDelivery(id, e.getValue(), WAIT);
            if (e.getValue() == DeliveryReport.Status.FAILED) {
                assertThat(report.errorCode()).isEqualTo("1");
            }
        }
    }

    @Test
    void aJsonReceiptIsVerifiedLikeAFormOne() throws Exception {
        String id = unique("0C");
        Map<String, String> params = signed(VonageSignature.Method.MD5HASH, receipt(id, "delivered"), Instant.now());

        HttpResponse<String> r = send("POST", url(md5Provider, "dlr"), "application/json",
                JsonMapper.shared().writeValueAsString(params));

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(sink.awaitDelivery(id, DeliveryReport.Status.DELIVERED, WAIT)).isNotNull();
    }

    @Test
    void anInboundMessageComesFromMsisdnAndLongOnesAreJoined() throws Exception {
        String id = unique("in");
        Map<String, String> single = Map.of("msisdn", "447700900123", "to", "15005550006", "messageId", id,
                "text", "STOP", "type", "text", "keyword", "STOP", "message-timestamp", "2026-11-23 18:01:00");
        assertThat(postForm(url(md5Provider, "inbound"), signed(VonageSignature.Method.MD5HASH, single, Instant.now()))
                .statusCode()).isEqualTo(204);
        InboundSms in = sink.awaitInbound(m -> m.providerMessageId().equals(id), WAIT);
        assertThat(in.from()).isEqualTo("+447700900123");
        assertThat(in.to()).isEqualTo("+15005550006");
        assertThat(in.text()).isEqualTo("STOP");

        String ref = unique("ref");
        for (int part : new int[]{2, 1}) {
            Map<String, String> p = new LinkedHashMap<>(Map.of("msisdn", "447700900124", "to", "15005550006",
                    "messageId", ref + "-" + part, "text", part == 1 ? "Hello, this is " : "the second part",
                    "type", "text", "concat", "true", "concat-ref", ref, "concat-total", "2"));
            p.put("concat-part", Integer.toString(part));
            assertThat(postForm(url(md5Provider, "inbound"), signed(VonageSignature.Method.MD5HASH, p, Instant.now()))
                    .statusCode()).isEqualTo(204);
        }
        InboundSms joined = sink.awaitInbound(m -> m.providerMessageId().equals(ref + "-1"), WAIT);
        assertThat(joined.text()).isEqualTo("Hello, this is the second part");
        assertThat(sink.inbound()).noneMatch(m -> m.providerMessageId().equals(ref + "-2"));
    }

    @Test
    void aWrongMissingOrStaleSignatureIs403AndNothingReachesTheSink() throws Exception {
        String id = unique("0D");
        Map<String, String> wrongSecret = new LinkedHashMap<>(receipt(id, "delivered"));
        wrongSecret.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        wrongSecret.put("sig", VonageSignature.compute(VonageSignature.Method.MD5HASH, "not-the-secret", wrongSecret));
        Map<String, String> stale = signed(VonageSignature.Method.MD5HASH, receipt(id, "delivered"),
                Instant.now().minusSeconds(600));
        Map<String, String> tampered = signed(VonageSignature.Method.MD5HASH, receipt(id, "failed"), Instant.now());
        tampered.put("status", "delivered");
        Map<String, String> otherMethod = signed(VonageSignature.Method.MD5HASH, receipt(id, "delivered"), Instant.now());

        List<HttpResponse<String>> answers = List.of(
                postForm(url(md5Provider, "dlr"), receipt(id, "delivered")),
                postForm(url(md5Provider, "dlr"), wrongSecret),
                postForm(url(md5Provider, "dlr"), stale),
                postForm(url(md5Provider, "dlr"), tampered),
                postForm(url(sha256Provider, "dlr"), otherMethod));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        Thread.sleep(100);
        assertThat(sink.deliveries()).noneMatch(d -> d.providerMessageId().equals(id));
    }

    @Test
    void aProviderWithoutSignatureSecretRefusesEveryWebhook() throws Exception {
        long unsigned = providers.add("vonage", unique("vonage-unsigned"),
                JsonMapper.shared().readTree("{\"apiKey\":\"k\",\"apiSecret\":\"s\"}"), true).id();

        HttpResponse<String> r = postForm(url(unsigned, "dlr"),
                signed(VonageSignature.Method.MD5HASH, receipt(unique("0E"), "delivered"), Instant.now()));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("signatureSecret");
    }

    @Test
    void malformedUnknownAndWrongKindAreClientErrors() throws Exception {
        Map<String, String> noMessageId = new LinkedHashMap<>(receipt("x", "delivered"));
        noMessageId.remove("messageId");
        long sandbox = providers.add("sandbox", unique("not-vonage"), null, true).id();

        assertThat(postForm(url(md5Provider, "dlr"), signed(VonageSignature.Method.MD5HASH, noMessageId, Instant.now()))
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", url(md5Provider, "dlr"), "application/json", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(send("POST", url(md5Provider, "dlr"), "application/json", "{\"messageId\":").statusCode()).isEqualTo(400);
        assertThat(postForm(url(Long.MAX_VALUE, "dlr"), receipt("x", "delivered")).statusCode()).isEqualTo(404);
        assertThat(postForm(url(sandbox, "inbound"), receipt("x", "delivered")).statusCode()).isEqualTo(404);
    }
}
