package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayContract;
import io.tidings.sms.SmsSubmitResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway contract against the simulator in this JVM, plus what only SMPP has: parts, their receipts, UDH MO. */
class SmppGatewayContractTest implements SmsGatewayContract {

    private static SmscSimulator smsc;
    private static SmppGateway gateway;
    private static final RecordingSink SINK = new RecordingSink();

    @BeforeAll
    static void bind() throws Exception {
        smsc = SmscSimulator.start(0, SmscSimulator.Options.defaults().withAutoReceipts(false));
        gateway = SmppGateway.start(config(smsc.port()), SINK);
        assertThat(gateway.awaitUp(Duration.ofSeconds(10))).isTrue();
    }

    static SmppConfig config(int port) {
        return SmppConfig.of("127.0.0.1", port, "tidings", "secret").withWindowSize(16)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500)).withResponseTimeout(Duration.ofSeconds(5));
    }

    @AfterAll
    static void unbind() {
        gateway.close();
        smsc.close();
    }

    @Override
    public SmsGateway gateway() {
        return gateway;
    }

    @Override
    public RecordingSink events() {
        return SINK;
    }

    @Override
    public List<PeerMessage> receivedByPeer() {
        return smsc.received().stream().map(r -> new PeerMessage(r.from(), r.to(), r.text())).toList();
    }

    @Override
    public void triggerDelivery(String providerMessageId) {
        assertThat(smsc.deliverReceipts(providerMessageId, "DELIVRD")).isTrue();
    }

    @Override
    public void injectInbound(String from, String to, String text) {
        try {
            smsc.injectInbound(from, to, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void throttle(boolean on) {
        smsc.options(smsc.options().withThrottleRatio(on ? 1 : 0));
    }

    @Override
    public void resetPeer() {
        smsc.reset();
    }

    private SmsSubmitResult.Accepted sendLong(long id, String text) {
        SmsSubmitResult result = gateway.submit(List.of(new OutboundSms(id, "+41791234567", ourNumber(), text,
                false))).getFirst();
        assertThat(result).isInstanceOf(SmsSubmitResult.Accepted.class);
        return (SmsSubmitResult.Accepted) result;
    }

    private List<String> partIds() {
        return RecordingSink.await(() -> smsc.received().stream().findFirst(), WAIT, "the message at the SMSC")
                .smscIds();
    }

    @Test
    void aConcatenatedMessageIsReportedDeliveredOnlyOnceEveryPartIs() throws InterruptedException {
        SmsSubmitResult.Accepted accepted = sendLong(20, "x".repeat(400));
        List<String> parts = partIds();
        assertThat(parts).hasSize(3).first().isEqualTo(accepted.providerMessageId());

        smsc.deliverPartReceipt(parts.get(0), "DELIVRD");
        smsc.deliverPartReceipt(parts.get(2), "DELIVRD");
        Thread.sleep(300);
        assertThat(SINK.deliveries()).isEmpty();

        smsc.deliverPartReceipt(parts.get(1), "DELIVRD");
        DeliveryReport report = SINK.awaitDelivery(accepted.providerMessageId(), DeliveryReport.Status.DELIVERED,
                WAIT);
        assertThat(report.detail()).contains("all 3 parts");
        Thread.sleep(100);
        assertThat(SINK.deliveries()).hasSize(1);
    }

    @Test
    void oneFailedPartFailsTheWholeConcatenatedMessageWithItsErrorCode() throws InterruptedException {
        SmsSubmitResult.Accepted accepted = sendLong(21, "y".repeat(200));
        List<String> parts = partIds();

        smsc.deliverPartReceipt(parts.get(1), "UNDELIV");
        DeliveryReport report = SINK.awaitDelivery(accepted.providerMessageId(), DeliveryReport.Status.FAILED, WAIT);
        assertThat(report.errorCode()).isEqualTo("001");
        assertThat(report.detail()).isEqualTo("part 2 of 2: UNDELIV");

        smsc.deliverPartReceipt(parts.get(0), "DELIVRD"); // too late to matter
        Thread.sleep(200);
        assertThat(SINK.deliveries()).hasSize(1);
    }

    @Test
    void withThePayloadOptionALongTextGoesAsOneSubmitBilledAsItsSegments() throws Exception {
        try (SmppGateway payload = SmppGateway.start(config(smsc.port()).withUsePayload(true).withId("payload"),
                SINK)) {
            assertThat(payload.awaitUp(Duration.ofSeconds(10))).isTrue();
            String text = "Ünïcødé ✓ ".repeat(20);

            SmsSubmitResult result = payload.submit(List.of(new OutboundSms(22, "+41791234567", "Shop", text,
                    false))).getFirst();

            assertThat(result).isInstanceOfSatisfying(SmsSubmitResult.Accepted.class,
                    a -> assertThat(a.segments()).isEqualTo(SmsCounter.count(text).segments()).isGreaterThan(1));
            assertThat(RecordingSink.await(() -> smsc.received().stream().findFirst(), WAIT, "the message"))
                    .satisfies(r -> {
                        assertThat(r.text()).isEqualTo(text);
                        assertThat(r.parts()).isEqualTo(1);
                        assertThat(r.from()).isEqualTo("Shop");
                    });
            assertThat(smsc.stats().submits()).isEqualTo(1);
            assertThat(payload.name()).isEqualTo("smpp:payload");
        }
    }

    @Test
    void aLongInboundMessageIsReassembledFromItsParts() {
        String text = "Hi, I would like to move my appointment. ".repeat(6) + "Danke! 😊";

        injectInbound("+491701234567", ourNumber(), text);

        assertThat(SINK.awaitInbound(m -> true, WAIT).text()).isEqualTo(text);
        assertThat(SINK.inbound()).hasSize(1);
    }

    @Test
    void smartEncodingSendsTypographicQuotesAsGsm() {
        gateway.submit(List.of(new OutboundSms(23, "+41791234567", ourNumber(), "“Sale” – today…", true)));

        assertThat(RecordingSink.await(() -> smsc.received().stream().findFirst(), WAIT, "the message").text())
                .isEqualTo("\"Sale\" - today...");
    }

    @Test
    void aRejectionCarriesTheCommandStatusAsCodeAndItsNameAsReason() {
        SmsSubmitResult result = gateway.submit(List.of(new OutboundSms(24, "+0", ourNumber(), "x", false)))
                .getFirst();

        assertThat(result).isEqualTo(new SmsSubmitResult.Rejected(24, "0x0000000B", "ESME_RINVDSTADR", false));
    }
}
