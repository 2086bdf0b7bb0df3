package io.tidings.sms.providers;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    private static ObjectNode json(String text) {
        return (ObjectNode) JsonMapper.shared().readTree(text);
    }

    @Test
    void longSecretsShowTheirLastFourAndShortOnesNothing() {
        ObjectNode masked = Secrets.mask(json("{\"apiSecret\":\"abcdefghijkl\",\"password\":\"12345678\",\"apiKey\":\"k\"}"),
                Set.of("apiSecret", "password"));

        assertThat(masked.get("apiSecret").stringValue()).isEqualTo("••••ijkl");
        assertThat(masked.get("password").stringValue()).isEqualTo("••••");
        assertThat(masked.get("apiKey").stringValue()).isEqualTo("k");
    }

    @Test
    void mergingReplacesRemovesAndIgnoresMaskedSecrets() {
        ObjectNode merged = Secrets.merge(json("{\"a\":1,\"b\":2,\"apiSecret\":\"real\"}"),
                json("{\"a\":10,\"b\":null,\"c\":3,\"apiSecret\":\"••••real\"}"), Set.of("apiSecret"));

        assertThat(merged).isEqualTo(json("{\"a\":10,\"apiSecret\":\"real\",\"c\":3}"));
    }
}
