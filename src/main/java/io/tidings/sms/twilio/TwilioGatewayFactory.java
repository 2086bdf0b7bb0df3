package io.tidings.sms.twilio;

import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Kind {@code twilio}; the config is described on {@link TwilioConfig}. */
@Component
class TwilioGatewayFactory implements SmsGatewayFactory {

    private final String publicBaseUrl;

    TwilioGatewayFactory(@Value("${tidings.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String kind() {
        return "twilio";
    }

    @Override
    public void validate(JsonNode config) {
        TwilioConfig.of(config);
    }

    @Override
    public SmsGateway create(long providerId, JsonNode config, SmsEventSink sink) {
        return new TwilioGateway(providerId, TwilioConfig.of(config), publicBaseUrl, sink);
    }
}
