package io.tidings.sms.vonage;

import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Kind {@code vonage}; the config is described on {@link VonageConfig}. */
@Component
class VonageGatewayFactory implements SmsGatewayFactory {

    private final String publicBaseUrl;

    VonageGatewayFactory(@Value("${tidings.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String kind() {
        return "vonage";
    }

    @Override
    public void validate(JsonNode config) {
        VonageConfig.of(config);
    }

    @Override
    public SmsGateway create(long providerId, JsonNode config, SmsEventSink sink) {
        return new VonageGateway(providerId, VonageConfig.of(config), publicBaseUrl, sink);
    }
}
