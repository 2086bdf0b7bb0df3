package io.tidings.sms.sandbox;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.DeliveryReport;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsSubmitResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxGatewayTest {

    private final SandboxGatewayFactory factory = new SandboxGatewayFactory();

    @Test
    void aNumberEndingIn0000IsAcceptedThenReportedFailedAndOthersDelivered() {
        RecordingSink sink = new RecordingSink();
        try (var gateway = factory.create(3, JsonMapper.shared().readTree("{\"delayMillis\":10}"), sink)) {
            List<SmsSubmitResult> results = gateway.submit(List.of(
                    new OutboundSms(1, "+15005550000", null, "fails", false),
                    new OutboundSms(2, "+15005550001", null, "arrives", false)));

            String failing = ((SmsSubmitResult.Accepted) results.get(0)).providerMessageId();
            String arriving = ((SmsSubmitResult.Accepted) results.get(1)).providerMessageId();
            assertThat(sink.awaitDelivery(failing, DeliveryReport.Status.FAILED, Duration.ofSeconds(2)).errorCode())
                    .isEqualTo("SANDBOX_FAIL");
            assertThat(sink.awaitDelivery(arriving, DeliveryReport.Status.DELIVERED, Duration.ofSeconds(2)).gateway())
                    .isEqualTo("sandbox:3");
        }
    }

    @Test
    void theDefaultDelayIs200MillisecondsAndFailSuffixesAreConfigurable() {
        RecordingSink sink = new RecordingSink();
        try (var gateway = factory.create(4, JsonMapper.shared().readTree("{\"failSuffixes\":[\"42\"]}"), sink)) {
            long start = System.nanoTime();
            var accepted = (SmsSubmitResult.Accepted) gateway.submit(List.of(new OutboundSms(1, "+4179000042", null, "x", false))).getFirst();

            sink.awaitDelivery(accepted.providerMessageId(), DeliveryReport.Status.FAILED, Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void segmentsAreCountedAndAClosedSandboxAsksForARetry() {
        var gateway = factory.create(5, JsonMapper.shared().readTree("{}"), new RecordingSink());
        var accepted = (SmsSubmitResult.Accepted) gateway.submit(List.of(new OutboundSms(1, "+41791234567", null, "x".repeat(161), false))).getFirst();
        assertThat(accepted.segments()).isEqualTo(2);

        gateway.close();

        assertThat(gateway.up()).isFalse();
        assertThat(gateway.submit(List.of(new OutboundSms(2, "+41791234567", null, "x", false))).getFirst())
                .isInstanceOf(SmsSubmitResult.Retry.class);
    }

    @Test
    void badSandboxConfigIsRefused() {
        assertThatThrownBy(() -> factory.validate(JsonMapper.shared().readTree("{\"failSuffixes\":[\"abc\"]}")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> factory.validate(JsonMapper.shared().readTree("{\"delayMillis\":-1}")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> factory.validate(JsonMapper.shared().readTree("{\"throttle\":\"yes\"}")))
                .isInstanceOf(InvalidInputException.class);
    }
}
