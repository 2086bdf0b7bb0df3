package io.tidings.sms.providers;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.DeliveryReport;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProviderChange;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsProvidersSpringTest;
import io.tidings.sms.SmsSubmitResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static io.tidings.sms.WebhookClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SmsProvidersSpringTest
class ProviderRegistryTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    SmsProvidersApi providers;
    @Autowired
    RecordingSink sink;
    @Autowired
    JdbcClient jdbc;

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private SmsProvider twilio(String name) {
        return providers.add("twilio", name, json("""
                {"accountSid":"AC1234","authToken":"auth-token-0123456789","from":"+15005550006"}"""), true);
    }

    @Test
    void theFirstStartLeavesASandboxProviderSoTheFlowWorksWithoutAnAccount() {
        SmsProvider sandbox = providers.list().stream().filter(p -> p.name().equals("sandbox")).findFirst().orElseThrow();
        assertThat(sandbox.kind()).isEqualTo("sandbox");

        SmsGateway gateway = providers.gateway(sandbox.id());
        List<SmsSubmitResult> results = gateway.submit(List.of(new OutboundSms(1, "+41791234567", "Tidings", "Hello", false)));

        String id = ((SmsSubmitResult.Accepted) results.getFirst()).providerMessageId();
        assertThat(id).startsWith("SBX");
        assertThat(sink.awaitDelivery(id, DeliveryReport.Status.DELIVERED, Duration.ofSeconds(5)).gateway())
                .isEqualTo("sandbox:" + sandbox.id());
    }

    @Test
    void everyKindWithAFactoryIsOffered() {
        assertThat(providers.kinds()).contains("sandbox", "twilio", "vonage");
    }

    @Test
    void secretsAreMaskedInEveryAnswerButKeptInTheStore() {
        SmsProvider added = twilio(unique("twilio-mask"));

        assertThat(added.config().get("authToken").stringValue()).isEqualTo("••••6789");
        assertThat(added.config().get("accountSid").stringValue()).isEqualTo("AC1234");
        assertThat(providers.get(added.id()).config().get("authToken").stringValue()).isEqualTo("••••6789");
        assertThat(providers.list().stream().filter(p -> p.id() == added.id()).findFirst().orElseThrow()
                .config().toString()).doesNotContain("auth-token-0123456789");
        assertThat(jdbc.sql("select config->>'authToken' from sms_providers where id = :id").param("id", added.id())
                .query(String.class).single()).isEqualTo("auth-token-0123456789");
    }

    @Test
    void aChangeMergesConfigKeysAndSendingTheMaskBackKeepsTheSecret() {
        SmsProvider added = twilio(unique("twilio-merge"));

        SmsProvider changed = providers.update(added.id(), new SmsProviderChange(null,
                json("{\"authToken\":\"••••6789\",\"from\":\"+15005550007\",\"messagingServiceSid\":null}"), null));

        assertThat(changed.config().get("from").stringValue()).isEqualTo("+15005550007");
        assertThat(changed.config().get("accountSid").stringValue()).isEqualTo("AC1234");
        assertThat(jdbc.sql("select config->>'authToken' from sms_providers where id = :id").param("id", added.id())
                .query(String.class).single()).isEqualTo("auth-token-0123456789");

        providers.update(added.id(), new SmsProviderChange(null, json("{\"authToken\":\"new-token-abcdefgh\"}"), null));
        assertThat(providers.get(added.id()).config().get("authToken").stringValue()).isEqualTo("••••efgh");
    }

    @Test
    void theGatewayIsBuiltOnceAndRebuiltWhenTheConfigChanges() {
        SmsProvider p = providers.add("sandbox", unique("sandbox-cache"), json("{\"delayMillis\":10}"), true);

        SmsGateway first = providers.gateway(p.id());
        assertThat(providers.gateway(p.id())).isSameAs(first);

        providers.update(p.id(), new SmsProviderChange(null, json("{\"delayMillis\":20}"), null));
        SmsGateway second = providers.gateway(p.id());

        assertThat(second).isNotSameAs(first);
        assertThat(first.up()).as("the replaced gateway was closed").isFalse();
        assertThat(second.up()).isTrue();
    }

    @Test
    void anEditMadeOnAnotherNodeIsPickedUpByTheRowVersion() {
        SmsProvider p = providers.add("sandbox", unique("sandbox-node"), json("{}"), true);
        SmsGateway first = providers.gateway(p.id());

        jdbc.sql("update sms_providers set config = '{\"delayMillis\":5}', version = version + 1 where id = :id")
                .param("id", p.id()).update();

        assertThat(providers.gateway(p.id())).isNotSameAs(first);
        assertThat(first.up()).isFalse();
    }

    @Test
    void aDisabledProviderHasNoGatewayUntilEnabledAgain() {
        SmsProvider p = providers.add("sandbox", unique("sandbox-off"), json("{}"), true);
        SmsGateway live = providers.gateway(p.id());

        assertThat(providers.disable(p.id()).enabled()).isFalse();

        assertThat(live.up()).isFalse();
        assertThatThrownBy(() -> providers.gateway(p.id())).isInstanceOf(ConflictException.class).hasMessageContaining("disabled");
        assertThat(providers.enable(p.id()).enabled()).isTrue();
        assertThat(providers.gateway(p.id()).up()).isTrue();
    }

    @Test
    void badProvidersAreRefusedWithTheFieldNamed() {
        String name = unique("dup");
        providers.add("sandbox", name, null, true);

        assertThatThrownBy(() -> providers.add("sandbox", name, null, true)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> providers.add("carrier-pigeon", unique("x"), null, true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> providers.add("twilio", unique("x"), json("{\"accountSid\":\"AC1\"}"), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.authToken"));
        assertThatThrownBy(() -> providers.add("vonage", unique("x"),
                json("{\"apiKey\":\"k\",\"apiSecret\":\"s\",\"signatureMethod\":\"crc32\"}"), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.signatureMethod"));
        assertThatThrownBy(() -> providers.add("sandbox", unique("x"), json("[1]"), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config"));
        assertThatThrownBy(() -> providers.add("sandbox", " ", null, true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> providers.update(Long.MAX_VALUE, new SmsProviderChange("x", null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void renamingOntoATakenNameIsAConflictAndChangesNothing() {
        String taken = unique("taken");
        providers.add("sandbox", taken, null, true);
        SmsProvider other = providers.add("sandbox", unique("other"), null, true);

        assertThatThrownBy(() -> providers.update(other.id(), new SmsProviderChange(taken, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(providers.get(other.id()).name()).isEqualTo(other.name());
    }
}
