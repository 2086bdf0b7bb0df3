package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsEventSink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.Test;

class DeliverSmHandlerTest {

    private final RecordingSink recorded = new RecordingSink();
    private boolean sinkDown;
    private final SmsEventSink sink = new SmsEventSink() {
        @Override
        public void delivery(DeliveryReport report) {
            if (sinkDown) {
                throw new IllegalStateException("database down");
            }
            recorded.delivery(report);
        }

        @Override
        public void inbound(InboundSms message) {
            if (sinkDown) {
                throw new IllegalStateException("database down");
            }
            recorded.inbound(message);
        }
    };
    private final DeliverSmHandler handler = handler();

    private DeliverSmHandler handler() {
        Clock clock = Clock.systemUTC();
        PartReceipts receipts = new PartReceipts("smpp:test", r -> DeliverSmHandler.deliver(sink, r), clock,
                Duration.ofSeconds(2), Duration.ofDays(1));
        return new DeliverSmHandler("smpp:test", sink, receipts,
                new InboundAssembler(clock, Duration.ofMinutes(1), 100), clock);
    }

    private static DeliverSm receipt(String text, OptionalParameter... tlvs) {
        DeliverSm d = new DeliverSm();
        d.setEsmClass((byte) 0x04);
        d.setSourceAddr("41791234567");
        d.setDestAddress("15005550006");
        d.setShortMessage(text.getBytes(StandardCharsets.US_ASCII));
        d.setOptionalParameters(tlvs);
        return d;
    }

    @Test
    void aReceiptBecomesADeliveryReport() throws Exception {
        handler.onAcceptDeliverSm(receipt("id:abc sub:001 dlvrd:001 submit date:2406011200 done date:2406011201 "
                + "stat:DELIVRD err:000 text:hi"));

        assertThat(recorded.deliveries()).singleElement().satisfies(r -> {
            assertThat(r.providerMessageId()).isEqualTo("abc");
            assertThat(r.status()).isEqualTo(DeliveryReport.Status.DELIVERED);
            assertThat(r.gateway()).isEqualTo("smpp:test");
        });
    }

    @Test
    void theReceiptTlvsAreRead() throws Exception {
        handler.onAcceptDeliverSm(receipt("", new OptionalParameter.Receipted_message_id("5a01"),
                new OptionalParameter.Message_state((byte) 3)));

        assertThat(recorded.deliveries()).singleElement().satisfies(r -> {
            assertThat(r.providerMessageId()).isEqualTo("5a01");
            assertThat(r.status()).isEqualTo(DeliveryReport.Status.FAILED);
            assertThat(r.detail()).isEqualTo("EXPIRED");
        });
    }

    @Test
    void anUnreadableReceiptIsAcknowledgedAndDroppedWithoutAnException() throws Exception {
        handler.onAcceptDeliverSm(receipt("id:abc sub:001 dlvrd:0"));
        handler.onAcceptDeliverSm(receipt("\u0000garbage"));

        assertThat(recorded.deliveries()).isEmpty();
    }

    @Test
    void whenTheSinkFailsTheSmscIsAskedToDeliverAgainLater() {
        sinkDown = true;

        assertThatThrownBy(() -> handler.onAcceptDeliverSm(receipt("id:abc stat:DELIVRD err:000")))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(0x64));
    }

    @Test
    void aMessageFromAPhoneReachesTheSinkWithItsNumberInE164() throws Exception {
        DeliverSm d = new DeliverSm();
        d.setSourceAddrTon((byte) 1);
        d.setSourceAddr("447700900123");
        d.setDestAddress("15005550006");
        d.setDataCoding((byte) 8);
        d.setShortMessage("好的 👍".getBytes(StandardCharsets.UTF_16BE));

        handler.onAcceptDeliverSm(d);

        assertThat(recorded.inbound()).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("+447700900123");
            assertThat(m.to()).isEqualTo("15005550006");
            assertThat(m.text()).isEqualTo("好的 👍");
            assertThat(m.providerMessageId()).startsWith("mo-");
        });
    }
}
