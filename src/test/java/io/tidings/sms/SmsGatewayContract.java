package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SmsGateway} must do, written once (the model is Apache James' MailQueueContract). A gateway's
 * test class implements this interface against that provider's real protocol peer (an SMSC simulator for SMPP, an
 * HTTP stub speaking the provider's documented API for Twilio and Vonage, the sandbox itself) and inherits every
 * test below.
 *
 * <p>Hooks to provide:
 * <ul>
 *   <li>{@link #gateway()}: the gateway under test, connected to the peer, up, and reporting to {@link #events()};
 *       one instance may serve every test;</li>
 *   <li>{@link #events()}: the {@link RecordingSink} that gateway was given;</li>
 *   <li>{@link #receivedByPeer()}: every message the peer took, whole (parts joined), in arrival order;</li>
 *   <li>{@link #triggerDelivery(String)}: the peer reports the message it accepted under that id as delivered
 *       (a webhook call, a deliver_sm receipt, ...); the peer must not report deliveries on its own meanwhile;</li>
 *   <li>{@link #injectInbound(String, String, String)}: the peer passes on a message from a phone;</li>
 *   <li>{@link #throttle(boolean)}: the peer answers every submission with its "slow down" (HTTP 429,
 *       ESME_RTHROTTLED, ...) until switched off;</li>
 *   <li>{@link #resetPeer()}: forget what was received; called before every test, with throttling off;</li>
 *   <li>{@link #invalidDestination()} and {@link #ourNumber()} when the defaults do not suit the peer.</li>
 * </ul>
 */
public interface SmsGatewayContract {

    Duration WAIT = Duration.ofSeconds(10);

    /** A message as the provider's side saw it. Numbers in E.164. */
    record PeerMessage(String from, String to, String text) {
    }

    SmsGateway gateway();

    RecordingSink events();

    List<PeerMessage> receivedByPeer();

    void triggerDelivery(String providerMessageId);

    void injectInbound(String from, String to, String text);

    void throttle(boolean on);

    void resetPeer();

    /** A number the peer refuses for good; no E.164 number starts with 0. */
    default String invalidDestination() {
        return "+0123";
    }

    /** Tidings' own number at the provider: the sender of outbound, the recipient of inbound messages. */
    default String ourNumber() {
        return "+15005550006";
    }

    @BeforeEach
    default void startFromAQuietPeer() {
        throttle(false);
        resetPeer();
        events().clear();
    }

    private List<PeerMessage> awaitReceived(int count) {
        return RecordingSink.await(() -> {
            List<PeerMessage> received = receivedByPeer();
            return received.size() >= count ? Optional.of(received) : Optional.empty();
        }, WAIT, count + " messages at the peer");
    }

    private SmsSubmitResult.Accepted submitAccepted(OutboundSms sms) {
        List<SmsSubmitResult> results = gateway().submit(List.of(sms));
        assertThat(results).hasSize(1);
        assertThat(results.getFirst()).isInstanceOf(SmsSubmitResult.Accepted.class);
        return (SmsSubmitResult.Accepted) results.getFirst();
    }

    @Test
    default void aShortGsmMessageIsAcceptedAndReachesThePeerOnceWithTheExactText() throws InterruptedException {
        String text = "Order 1042 shipped! Track: https://ti.do/x?q=1 @home £5 {ok} [A] ~ €";
        SmsSubmitResult.Accepted accepted = submitAccepted(new OutboundSms(1, "+41791234567", ourNumber(), text,
                false));

        assertThat(accepted.messageId()).isEqualTo(1);
        assertThat(accepted.providerMessageId()).isNotBlank();
        assertThat(accepted.segments()).isEqualTo(1);
        assertThat(awaitReceived(1)).containsExactly(new PeerMessage(ourNumber(), "+41791234567", text));
        Thread.sleep(200); // a second copy would have arrived by now
        assertThat(receivedByPeer()).hasSize(1);
    }

    @Test
    default void aLongMessageIsSplitIntoTheCountedSegmentsAndArrivesAsTheOriginalText() {
        // 152 septets then an escape pair that must not straddle the part boundary, then more.
        String text = "a".repeat(152) + "€ and the rest of a long notice about your appointment tomorrow at 10:00. "
                + "Reply YES to confirm or NO to cancel; call us at +41 44 000 00 00 if anything changed. Thanks!";
        int counted = SmsCounter.count(text).segments();
        assertThat(counted).isGreaterThan(1);

        SmsSubmitResult.Accepted accepted = submitAccepted(new OutboundSms(2, "+41791234567", ourNumber(), text,
                false));

        assertThat(accepted.segments()).isEqualTo(counted);
        assertThat(awaitReceived(1).getFirst().text()).isEqualTo(text);
    }

    @Test
    default void aUcs2MessageWithChineseAndEmojiArrivesIntact() {
        String shortText = "您好，您的订单已发货 🚚📦 谢谢！👍🏽";
        String longText = "【小店】" + "亲爱的会员，您的积分即将到期，请尽快使用😀。".repeat(6) + "退订回T 🇨🇳";
        submitAccepted(new OutboundSms(3, "+8613800138000", ourNumber(), shortText, false));
        SmsSubmitResult.Accepted accepted = submitAccepted(new OutboundSms(4, "+8613800138000", ourNumber(),
                longText, false));

        assertThat(accepted.segments()).isEqualTo(SmsCounter.count(longText).segments());
        assertThat(awaitReceived(2)).extracting(PeerMessage::text).containsExactlyInAnyOrder(shortText, longText);
    }

    @Test
    default void aBatchReturnsOneResultPerMessageInOrderWithMatchingIds() {
        List<OutboundSms> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String text = i % 5 == 0 ? "Grüße, Zoë! Code " + i + " 🎉" : "Hello customer " + i + ", code " + (1000 + i);
            batch.add(new OutboundSms(100 + i, "+4179123" + String.format("%04d", i), ourNumber(), text, false));
        }

        List<SmsSubmitResult> results = gateway().submit(batch);

        assertThat(results).hasSize(batch.size());
        IntStream.range(0, batch.size()).forEach(i -> {
            assertThat(results.get(i).messageId()).isEqualTo(batch.get(i).messageId());
            assertThat(results.get(i)).isInstanceOf(SmsSubmitResult.Accepted.class);
        });
        assertThat(awaitReceived(batch.size())).extracting(PeerMessage::text)
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(OutboundSms::text).toList());
    }

    @Test
    default void aDeliveryReportReachesTheSinkUnderTheProviderMessageIdReturnedAtSubmit() {
        SmsSubmitResult.Accepted accepted = submitAccepted(new OutboundSms(5, "+41791234567", ourNumber(),
                "Your code is 123456", false));
        awaitReceived(1);

        triggerDelivery(accepted.providerMessageId());

        DeliveryReport report = events().awaitDelivery(accepted.providerMessageId(), DeliveryReport.Status.DELIVERED,
                WAIT);
        assertThat(report.gateway()).isEqualTo(gateway().name());
    }

    @Test
    default void anInboundMessageReachesTheSinkWithFromToAndText() {
        injectInbound("+447700900123", ourNumber(), "STOP please 🙏");

        InboundSms message = events().awaitInbound(m -> true, WAIT);
        assertThat(message.from()).isEqualTo("+447700900123");
        assertThat(message.to()).isEqualTo(ourNumber());
        assertThat(message.text()).isEqualTo("STOP please 🙏");
        assertThat(message.gateway()).isEqualTo(gateway().name());
    }

    @Test
    default void aThrottledSubmitYieldsRetryNotRejected() {
        throttle(true);

        List<SmsSubmitResult> results = gateway().submit(List.of(new OutboundSms(6, "+41791234567", ourNumber(),
                "Flash sale today", false)));

        assertThat(results).singleElement().isInstanceOfSatisfying(SmsSubmitResult.Retry.class,
                retry -> assertThat(retry.messageId()).isEqualTo(6));
    }

    @Test
    default void anInvalidDestinationYieldsRejected() {
        List<SmsSubmitResult> results = gateway().submit(List.of(new OutboundSms(7, invalidDestination(),
                ourNumber(), "Hello", false)));

        assertThat(results).singleElement().isInstanceOfSatisfying(SmsSubmitResult.Rejected.class, rejected -> {
            assertThat(rejected.messageId()).isEqualTo(7);
            assertThat(rejected.code()).isNotBlank();
            assertThat(rejected.optOut()).isFalse();
        });
    }
}
