package io.tidings.sms.providers;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRequestsTest {

    private static MockHttpServletRequest request() {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/v1/webhooks/twilio/3/status");
        r.setScheme("http");
        r.setServerName("10.0.0.7");
        r.setServerPort(8080);
        r.setQueryString("attempt=2");
        r.addParameter("attempt", "2");
        r.addParameter("MessageSid", "SM1");
        r.addParameter("MessageStatus", "sent");
        return r;
    }

    @Test
    void behindAProxyTheConfiguredPublicBaseUrlReplacesWhatTheServerSaw() {
        assertThat(WebhookRequests.calledUrl("https://sms.example.com/", request()))
                .isEqualTo("https://sms.example.com/api/v1/webhooks/twilio/3/status?attempt=2");
    }

    @Test
    void withoutOneTheBaseComesFromTheRequestLeavingOutDefaultPorts() {
        assertThat(WebhookRequests.calledUrl("", request()))
                .isEqualTo("http://10.0.0.7:8080/api/v1/webhooks/twilio/3/status?attempt=2");
        MockHttpServletRequest https = request();
        https.setScheme("https");
        https.setServerPort(443);
        assertThat(WebhookRequests.calledUrl(null, https)).startsWith("https://10.0.0.7/api/");
    }

    @Test
    void bodyParametersLeaveOutThoseOfTheQueryStringWhichTwilioSignsAsPartOfTheUrl() {
        assertThat(WebhookRequests.bodyParams(request()))
                .isEqualTo(Map.of("MessageSid", List.of("SM1"), "MessageStatus", List.of("sent")));
    }
}
