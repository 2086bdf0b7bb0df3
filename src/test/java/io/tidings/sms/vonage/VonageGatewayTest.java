package io.tidings.sms.vonage;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tidings.sms.DeliveryReport;
import io.tidings.sms.DeliveryReport.Status;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsSubmitResult;
import io.tidings.sms.SmsSubmitResult.Accepted;
import io.tidings.sms.SmsSubmitResult.Rejected;
import io.tidings.sms.SmsSubmitResult.Retry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Vonage gateway against an HTTP stub answering in the SMS API's documented format. */
class VonageGatewayTest {

    private static WireMockServer vonage;
    private RecordingSink sink;
    private VonageGateway gateway;

    @BeforeAll
    static void startStub() {
        vonage = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        vonage.start();
    }

    @AfterAll
    static void stopStub() {
        vonage.stop();
    }

    @BeforeEach
    void gateway() {
        vonage.resetAll();
        sink = new RecordingSink();
        gateway = new VonageGateway(9, VonageConfig.of(JsonMapper.shared().readTree("""
                {"apiKey":"key1","apiSecret":"secret1","from":"Tidings","baseUrl":"%s"}""".formatted(vonage.baseUrl()))),
                "https://tidings.example.com", sink);
    }

    private static void answer(String json) {
        vonage.stubFor(post(urlEqualTo("/sms/json")).willReturn(okJson(json)));
    }

    private static String part(String status, String id, String errorText) {
        return id == null
                ? "{\"status\":\"%s\",\"error-text\":\"%s\"}".formatted(status, errorText)
                : "{\"to\":\"41791234567\",\"message-id\":\"%s\",\"status\":\"%s\",\"remaining-balance\":\"3.14\",\"message-price\":\"0.03\",\"network\":\"22801\"}"
                .formatted(id, status);
    }

    private SmsSubmitResult one(OutboundSms sms) {
        return gateway.submit(List.of(sms)).getFirst();
    }

    @Test
    void anAcceptedMessageIsPostedAsDocumentedWithDigitsOnlyDestination() {
        answer("{\"message-count\":\"1\",\"messages\":[" + part("0", "0A000001", null) + "]}");

        assertThat(one(new OutboundSms(1, "+41791234567", null, "Your code is 1234", false)))
                .isEqualTo(new Accepted(1, "0A000001", 1));
        vonage.verify(postRequestedFor(urlEqualTo("/sms/json"))
                .withFormParam("api_key", equalTo("key1")).withFormParam("api_secret", equalTo("secret1"))
                .withFormParam("from", equalTo("Tidings")).withFormParam("to", equalTo("41791234567"))
                .withFormParam("text", equalTo("Your code is 1234")).withFormParam("type", absent())
                .withFormParam("status-report-req", equalTo("1")).withFormParam("client-ref", equalTo("1"))
                .withFormParam("callback", equalTo("https://tidings.example.com/api/v1/webhooks/vonage/9/dlr")));
    }

    @Test
    void ucs2TextIsSentAsUnicodeAndSmartEncodingKeepsTypographyInGsm() {
        answer("{\"message-count\":\"1\",\"messages\":[" + part("0", "0A000002", null) + "]}");
        one(new OutboundSms(2, "+8613800138000", null, "您好 🚚", false));
        vonage.verify(postRequestedFor(urlEqualTo("/sms/json")).withFormParam("type", equalTo("unicode")));

        vonage.resetRequests();
        one(new OutboundSms(3, "+41791234567", "+15005550006", "It’s “ready”", true));
        vonage.verify(postRequestedFor(urlEqualTo("/sms/json")).withFormParam("type", absent())
                .withFormParam("text", equalTo("It's \"ready\"")).withFormParam("from", equalTo("15005550006")));
    }

    @Test
    void aMultiPartMessageIsAcceptedUnderItsFirstPartWithTheBilledPartCount() {
        answer("{\"message-count\":\"3\",\"messages\":[" + part("0", "P1", null) + "," + part("0", "P2", null) + ","
                + part("0", "P3", null) + "]}");

        assertThat(one(new OutboundSms(4, "+41791234567", null, "x".repeat(400), false)))
                .isEqualTo(new Accepted(4, "P1", 3));
        assertThat(gateway.partIds("P1")).containsExactlyInAnyOrder("P1", "P2", "P3");
    }

    @Test
    void receiptsOfEveryPartFoldIntoOneVerdictUnderTheFirstPartsId() {
        answer("{\"message-count\":\"2\",\"messages\":[" + part("0", "Q1", null) + "," + part("0", "Q2", null) + "]}");
        one(new OutboundSms(5, "+41791234567", null, "y".repeat(200), false));

        gateway.receipt(Map.of("messageId", "Q2", "status", "delivered", "msisdn", "41791234567", "to", "Tidings", "err-code", "0"));
        gateway.receipt(Map.of("messageId", "Q1", "status", "delivered", "msisdn", "41791234567", "to", "Tidings", "err-code", "0"));

        assertThat(sink.deliveries()).extracting(DeliveryReport::providerMessageId, DeliveryReport::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q1", Status.IN_FLIGHT),
                        org.assertj.core.groups.Tuple.tuple("Q1", Status.DELIVERED));
    }

    @Test
    void onePartFailingFailsTheMessageOnce() {
        answer("{\"message-count\":\"2\",\"messages\":[" + part("0", "R1", null) + "," + part("0", "R2", null) + "]}");
        one(new OutboundSms(6, "+41791234567", null, "z".repeat(200), false));

        gateway.receipt(Map.of("messageId", "R2", "status", "failed", "err-code", "6"));
        gateway.receipt(Map.of("messageId", "R1", "status", "delivered", "err-code", "0"));

        assertThat(sink.deliveries()).singleElement().satisfies(r -> {
            assertThat(r.providerMessageId()).isEqualTo("R1");
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorCode()).isEqualTo("6");
        });
    }

    @Test
    void throttledAndInternalErrorAreRetry() {
        answer("{\"message-count\":\"1\",\"messages\":[" + part("1", null, "Throughput Rate Exceeded - please wait [ 1 ] and retry") + "]}");
        assertThat(one(new OutboundSms(7, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Retry(7, "1", "Throughput Rate Exceeded - please wait [ 1 ] and retry", null));

        vonage.resetAll();
        answer("{\"message-count\":\"1\",\"messages\":[" + part("5", null, "Internal Error") + "]}");
        assertThat(one(new OutboundSms(8, "+41791234567", null, "Hi", false))).isEqualTo(new Retry(8, "5", "Internal Error", null));
    }

    @Test
    void otherStatusesAreRejectedWithCodeAndErrorText() {
        for (var c : List.of(List.of("2", "Missing to param"), List.of("3", "Invalid to address"),
                List.of("4", "Bad Credentials"), List.of("6", "Invalid Message"), List.of("9", "Partner quota exceeded"),
                List.of("15", "Illegal Sender Address - rejected"), List.of("29", "Non White-listed Destination"))) {
            vonage.resetAll();
            answer("{\"message-count\":\"1\",\"messages\":[" + part(c.get(0), null, c.get(1)) + "]}");
            assertThat(one(new OutboundSms(9, "+41791234567", null, "Hi", false)))
                    .isEqualTo(new Rejected(9, c.get(0), c.get(1), false));
        }
    }

    @Test
    void aPartlyAcceptedMessageIsRejectedNotRetriedSoNoPartGoesTwice() {
        answer("{\"message-count\":\"2\",\"messages\":[" + part("0", "S1", null) + "," + part("1", null, "Throttled") + "]}");

        assertThat(one(new OutboundSms(10, "+41791234567", null, "w".repeat(200), false)))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("1");
                    assertThat(r.reason()).contains("only 1 of 2 parts");
                });
    }

    @Test
    void httpErrorsAreRetryForServerSideAndRejectedForClientSide() {
        vonage.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(500)));
        assertThat(one(new OutboundSms(11, "+41791234567", null, "Hi", false))).isInstanceOf(Retry.class);
        vonage.resetAll();
        vonage.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(429)));
        assertThat(one(new OutboundSms(12, "+41791234567", null, "Hi", false))).isInstanceOf(Retry.class);
        vonage.resetAll();
        vonage.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(401)));
        assertThat(one(new OutboundSms(13, "+41791234567", null, "Hi", false))).isInstanceOf(Rejected.class);
    }
}
