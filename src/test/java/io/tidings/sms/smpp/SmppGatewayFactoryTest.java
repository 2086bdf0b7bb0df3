package io.tidings.sms.smpp;

import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmppGatewayFactoryTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void aProviderConfigBecomesTheGatewaysConfigNamedAfterTheProvider() {
        SmppConfig c = SmppGatewayFactory.config(7, JSON.readTree("""
                {"host":"smsc.example.net","port":2776,"systemId":"acme","password":"pw","sourceAddress":"ACME",
                 "windowSize":32,"maxPerSecond":50,"usePayload":true,"enquireLinkSeconds":15}"""));

        assertThat(c.gatewayName()).isEqualTo("smpp:7");
        assertThat(c.host()).isEqualTo("smsc.example.net");
        assertThat(c.port()).isEqualTo(2776);
        assertThat(c.windowSize()).isEqualTo(32);
        assertThat(c.maxPerSecond()).isEqualTo(50);
        assertThat(c.usePayload()).isTrue();
        assertThat(c.enquireLinkInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.sourceAddress()).isEqualTo("ACME");
        assertThat(c.sourceTon()).as("alphanumeric sender").isEqualTo((byte) 5);
    }

    @Test
    void aNumericSenderIsInternationalAndMissingFieldsAreNamed() {
        assertThat(SmppGatewayFactory.config(1, JSON.readTree(
                "{\"host\":\"h\",\"systemId\":\"s\",\"sourceAddress\":\"+15550100\"}")).sourceTon()).isEqualTo((byte) 1);
        assertThatThrownBy(() -> new SmppGatewayFactory().validate(JSON.readTree("{\"systemId\":\"s\"}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> new SmppGatewayFactory().validate(JSON.readTree("{\"host\":\"h\",\"systemId\":\"s\",\"port\":70000}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("port");
    }
}
