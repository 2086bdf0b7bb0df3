package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsSubmitResult;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SmppReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void whenTheSmscGoesAwayTheGatewayIsDownAndRebindsOnceItIsBack() throws Exception {
        RecordingSink sink = new RecordingSink();
        SmscSimulator smsc = SmscSimulator.start(0, SmscSimulator.Options.defaults());
        int port = smsc.port();
        try (SmppGateway gateway = SmppGateway.start(SmppGatewayContractTest.config(port), sink)) {
            assertThat(gateway.awaitUp(WAIT)).isTrue();

            smsc.close();
            RecordingSink.await(() -> gateway.up() ? Optional.empty() : Optional.of(true), WAIT, "the gateway down");
            SmsSubmitResult whileDown = gateway.submit(List.of(sms(1))).getFirst();
            assertThat(whileDown).isInstanceOfSatisfying(SmsSubmitResult.Retry.class,
                    r -> assertThat(r.code()).isEqualTo("unbound"));

            smsc = SmscSimulator.start(port, SmscSimulator.Options.defaults());
            assertThat(gateway.awaitUp(WAIT)).isTrue();
            SmsSubmitResult afterwards = gateway.submit(List.of(sms(2))).getFirst();
            assertThat(afterwards).isInstanceOf(SmsSubmitResult.Accepted.class);
            sink.awaitDelivery(((SmsSubmitResult.Accepted) afterwards).providerMessageId(),
                    DeliveryReport.Status.DELIVERED, WAIT);
            assertThat(smsc.received()).extracting(SmscSimulator.Received::text).containsExactly("attempt 2");
        } finally {
            smsc.close();
        }
    }

    @Test
    void aClosedGatewayAnswersRetryRatherThanThrowing() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, SmscSimulator.Options.defaults())) {
            SmppGateway gateway = SmppGateway.start(SmppGatewayContractTest.config(smsc.port()), new RecordingSink());
            assertThat(gateway.awaitUp(WAIT)).isTrue();
            gateway.close();

            assertThat(gateway.up()).isFalse();
            assertThat(gateway.submit(List.of(sms(3)))).singleElement().isInstanceOf(SmsSubmitResult.Retry.class);
        }
    }

    private static OutboundSms sms(long id) {
        return new OutboundSms(id, "+41791234567", "+15005550006", "attempt " + id, false);
    }
}
