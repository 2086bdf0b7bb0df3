package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.DeliveryReport.Status;
import io.tidings.sms.smpp.ReceiptParser.Receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class PartReceiptsTest {

    private final List<DeliveryReport> reports = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private Consumer<DeliveryReport> sink = reports::add;
    private final PartReceipts receipts = new PartReceipts("smpp", r -> sink.accept(r), clock, Duration.ofSeconds(2),
            Duration.ofDays(3));

    private static Receipt delivered(String id) {
        return new Receipt(id, "DELIVRD", "000", Status.DELIVERED);
    }

    private static Receipt undelivered(String id) {
        return new Receipt(id, "UNDELIV", "005", Status.FAILED);
    }

    private PartReceipts.Group sent(String... ids) {
        PartReceipts.Group group = receipts.open(ids.length);
        for (int i = 0; i < ids.length; i++) {
            receipts.accepted(group, i, ids[i]);
        }
        receipts.close(group, true);
        return group;
    }

    @Test
    void aSinglePartReceiptIsReportedUnderItsOwnIdAtOnce() {
        receipts.receipt(delivered("a1"));
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.providerMessageId()).isEqualTo("a1");
            assertThat(r.status()).isEqualTo(Status.DELIVERED);
            assertThat(r.gateway()).isEqualTo("smpp");
        });
    }

    @Test
    void aConcatenatedMessageIsDeliveredUnderItsFirstIdWhenTheLastPartIs() {
        sent("p1", "p2", "p3");
        receipts.receipt(delivered("p3"));
        receipts.receipt(delivered("p1"));
        receipts.receipt(delivered("p1")); // a repeated receipt changes nothing
        assertThat(reports).isEmpty();

        receipts.receipt(delivered("p2"));

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.providerMessageId()).isEqualTo("p1");
            assertThat(r.status()).isEqualTo(Status.DELIVERED);
        });
        assertThat(receipts.tracked()).isZero();
    }

    @Test
    void theFirstFailedPartFailsTheMessageAndLaterPartsAreSwallowed() {
        sent("p1", "p2");
        receipts.receipt(undelivered("p2"));
        receipts.receipt(delivered("p1"));

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.providerMessageId()).isEqualTo("p1");
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorCode()).isEqualTo("005");
            assertThat(r.detail()).isEqualTo("part 2 of 2: UNDELIV");
        });
    }

    @Test
    void aReceiptThatOvertakesItsPartsAnswerWaitsForIt() {
        PartReceipts.Group group = receipts.open(2);
        receipts.accepted(group, 0, "p1");
        receipts.receipt(delivered("p2")); // p2's submit_sm_resp is still being handled
        receipts.receipt(delivered("p1"));
        assertThat(reports).isEmpty();

        receipts.accepted(group, 1, "p2");
        receipts.close(group, true);

        assertThat(reports).singleElement().extracting(DeliveryReport::providerMessageId).isEqualTo("p1");
    }

    @Test
    void aHeldReceiptWhosePartNeverShowsUpIsReportedUnderItsOwnIdAfterTheHold() {
        PartReceipts.Group group = receipts.open(2);
        receipts.receipt(delivered("stranger"));
        receipts.sweep();
        assertThat(reports).isEmpty();

        now = now.plusSeconds(3);
        receipts.sweep();

        assertThat(reports).singleElement().extracting(DeliveryReport::providerMessageId).isEqualTo("stranger");
        receipts.close(group, false);
    }

    @Test
    void aMessageNotSentWholeGetsNoReport() {
        PartReceipts.Group group = receipts.open(3);
        receipts.accepted(group, 0, "p1");
        receipts.close(group, false);

        receipts.receipt(delivered("p1"));

        assertThat(reports).isEmpty();
    }

    @Test
    void whenTheSinkFailsTheLastPartCountsAgainOnRedelivery() {
        sent("p1", "p2");
        receipts.receipt(delivered("p1"));
        sink = r -> {
            throw new IllegalStateException("database down");
        };
        assertThatThrownBy(() -> receipts.receipt(delivered("p2"))).hasMessage("database down");

        sink = reports::add;
        receipts.receipt(delivered("p2"));

        assertThat(reports).singleElement().extracting(DeliveryReport::status).isEqualTo(Status.DELIVERED);
    }

    @Test
    void concatenatedMessagesWithoutReceiptsAreForgottenAfterTheKeepTime() {
        sent("p1", "p2");
        now = now.plus(Duration.ofDays(4));
        receipts.sweep();
        assertThat(receipts.tracked()).isZero();
    }
}
