package io.tidings.sms.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio gateway against an HTTP stub answering in Twilio's documented formats. */
class TwilioGatewayTest {

    private static final String PATH = "/2010-04-01/Accounts/AC0123456789abcdef/Messages.json";
    private static WireMockServer twilio;
    private TwilioGateway gateway;

    @BeforeAll
    static void startStub() {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
    }

    @AfterAll
    static void stopStub() {
        twilio.stop();
    }

    @BeforeEach
    void gateway() {
        twilio.resetAll();
        gateway = new TwilioGateway(42, TwilioConfig.of(JsonMapper.shared().readTree("""
                {"accountSid":"AC0123456789abcdef","authToken":"tok-123","from":"+15005550006",
                 "baseUrl":"%s","timeoutMillis":2000}""".formatted(twilio.baseUrl()))),
                "https://tidings.example.com/", new RecordingSink());
    }

    private static void answer(ResponseDefinitionBuilder response) {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder error(int http, int code, String message) {
        return aResponse().withStatus(http).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":%d,\"message\":\"%s\",\"more_info\":\"https://www.twilio.com/docs/errors/%d\",\"status\":%d}"
                        .formatted(code, message, code, http));
    }

    private SmsSubmitResult one(OutboundSms sms) {
        List<SmsSubmitResult> results = gateway.submit(List.of(sms));
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    @Test
    void anAcceptedMessageIsPostedAsDocumentedAndReturnsTheSidAndSegments() {
        answer(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM1234567890abcdef\",\"status\":\"queued\",\"num_segments\":\"2\"}"));

        SmsSubmitResult r = one(new OutboundSms(7, "+41791234567", null, "Hello “there”", true));

        assertThat(r).isEqualTo(new Accepted(7, "SM1234567890abcdef", 2));
        twilio.verify(postRequestedFor(urlEqualTo(PATH))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("AC0123456789abcdef", "tok-123"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo("+41791234567"))
                .withFormParam("From", equalTo("+15005550006"))
                .withFormParam("Body", equalTo("Hello “there”"))
                .withFormParam("SmartEncoded", equalTo("true"))
                .withFormParam("StatusCallback", equalTo("https://tidings.example.com/api/v1/webhooks/twilio/42/status")));
    }

    @Test
    void withoutSmartEncodingTheFlagIsNotSentAndTheMessagesSenderWins() {
        answer(aResponse().withStatus(201).withBody("{\"sid\":\"SM2\",\"status\":\"queued\",\"num_segments\":\"1\"}"));

        assertThat(one(new OutboundSms(8, "+41791234567", "Tidings", "Hi", false))).isInstanceOf(Accepted.class);

        twilio.verify(postRequestedFor(urlEqualTo(PATH)).withFormParam("From", equalTo("Tidings"))
                .withFormParam("SmartEncoded", absent()));
    }

    @Test
    void http429IsRetryWithTheRetryAfterHeader() {
        answer(error(429, 20429, "Too Many Requests").withHeader("Retry-After", "30"));

        assertThat(one(new OutboundSms(9, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Retry(9, "20429", "Too Many Requests", Duration.ofSeconds(30)));
    }

    @Test
    void code20429IsRetryEvenWithoutHttp429() {
        answer(error(400, 20429, "Too Many Requests"));

        assertThat(one(new OutboundSms(10, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Retry(10, "20429", "Too Many Requests", null));
    }

    @Test
    void anUnsubscribedRecipientIsRejectedAsOptOut() {
        answer(error(400, 21610, "Attempt to send to unsubscribed recipient"));

        assertThat(one(new OutboundSms(11, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Rejected(11, "21610", "Attempt to send to unsubscribed recipient", true));
    }

    @Test
    void anInvalidOrNonMobileNumberIsRejectedWithoutOptOut() {
        answer(error(400, 21211, "The 'To' number +0123 is not a valid phone number."));
        assertThat(one(new OutboundSms(12, "+0123", null, "Hi", false)))
                .isEqualTo(new Rejected(12, "21211", "The 'To' number +0123 is not a valid phone number.", false));

        twilio.resetAll();
        answer(error(400, 21614, "'To' number is not a valid mobile number"));
        assertThat(one(new OutboundSms(13, "+41441234567", null, "Hi", false)))
                .isEqualTo(new Rejected(13, "21614", "'To' number is not a valid mobile number", false));
    }

    @Test
    void anyOtherClientErrorIsRejectedWithTwiliosCode() {
        answer(error(401, 20003, "Authenticate"));
        assertThat(one(new OutboundSms(14, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Rejected(14, "20003", "Authenticate", false));
    }

    @Test
    void serverErrorsAndBrokenConnectionsAreRetry() {
        answer(error(503, 20500, "Service unavailable"));
        assertThat(one(new OutboundSms(15, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Retry(15, "20500", "Service unavailable", null));

        twilio.resetAll();
        answer(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));
        assertThat(one(new OutboundSms(16, "+41791234567", null, "Hi", false)))
                .isEqualTo(new Retry(16, "HTTP_502", "Twilio answered HTTP 502", null));

        twilio.resetAll();
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(one(new OutboundSms(17, "+41791234567", null, "Hi", false)))
                .isInstanceOfSatisfying(Retry.class, r -> assertThat(r.code()).isEqualTo("NETWORK"));
    }

    @Test
    void aSlowTwilioTimesOutIntoRetry() {
        answer(aResponse().withStatus(201).withBody("{\"sid\":\"SMslow\"}").withFixedDelay(3_000));

        assertThat(one(new OutboundSms(18, "+41791234567", null, "Hi", false)))
                .isInstanceOfSatisfying(Retry.class, r -> assertThat(r.code()).isEqualTo("NETWORK"));
    }

    @Test
    void aBatchGetsOneResultPerMessageInInputOrderWhateverTheAnswerOrder() {
        answer(aResponse().withStatus(201).withUniformRandomDelay(0, 60)
                .withBody("{\"sid\":\"SMbatch\",\"num_segments\":\"1\"}"));
        List<OutboundSms> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(new OutboundSms(1000 + i, "+4179123" + String.format("%04d", i), null, "n" + i, false));
        }

        List<SmsSubmitResult> results = gateway.submit(batch);

        assertThat(results).extracting(SmsSubmitResult::messageId)
                .containsExactlyElementsOf(batch.stream().map(OutboundSms::messageId).toList());
        assertThat(results).allMatch(r -> r instanceof Accepted);
        assertThat(twilio.getAllServeEvents()).hasSize(20);
    }
}
