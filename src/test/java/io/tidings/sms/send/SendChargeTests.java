package io.tidings.sms.send;

import io.tidings.contacts.Channel;
import io.tidings.contacts.Contact;
import io.tidings.credits.InsufficientCreditsException;
import io.tidings.credits.Reservation;
import io.tidings.credits.ReservationState;
import io.tidings.dispatch.Traffic;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SendPreview;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsSendStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SendChargeTests extends SmsSendTestSupport {

    private static final String LONG = "Hello {{contact.first_name}} from {{contact.company}}, ".repeat(8) + "see you in {{contact.city}}.";

    @Test
    void aPreviewsTotalIsWhatIsReservedAndLaterCharged() {
        SmsProvider p = sandbox(cfg(""), 7_500);
        onlyThese(Set.of("US"), p.id());
        topUp(1_000);
        Contact a = contact(usMobile(), null);
        Contact b = contact(usMobile(), null);
        Contact c = contact(usMobile(), null);
        String stranger = usMobile();
        SendRequest request = SendRequest.text(LONG, Traffic.TRANSACTIONAL, List.of(a.id(), b.id()), List.of(c.phone(), stranger));

        SendPreview preview = sms.preview(request);
        SendReceipt receipt = sms.send(request, "test");

        assertThat(preview.eligible()).isEqualTo(3);
        assertThat(preview.excluded()).singleElement().satisfies(x -> {
            assertThat(x.to()).isEqualTo(stranger);
            assertThat(x.reason()).contains("contact.first_name");
        });
        assertThat(preview.credits()).isEqualTo(receipt.preview().credits()).isGreaterThanOrEqualTo(6);
        assertThat(preview.costs()).singleElement().satisfies(cost -> {
            assertThat(cost.currency()).isEqualTo("USD");
            assertThat(cost.micros()).isEqualTo(preview.credits() * 7_500);
            assertThat(cost.amount()).isEqualByComparingTo(java.math.BigDecimal.valueOf(preview.credits() * 7_500, 6));
        });
        assertThat(preview.byCountry()).extracting(SendPreview.CountryLine::country, SendPreview.CountryLine::messages)
                .containsExactly(tuple("US", 3));
        assertThat(credits.reservation(receipt.sendId()).orElseThrow().messages()).isEqualTo(preview.credits());
        SmsSendStatus done = awaitSend(receipt.sendId(), "settled");
        Reservation r = credits.reservation(receipt.sendId()).orElseThrow();
        assertThat(r.state()).isEqualTo(ReservationState.SETTLED);
        assertThat(r.charged()).isEqualTo(preview.credits());
        assertThat(done.messages().get("delivered")).isEqualTo(3);
        assertThat(sms.messages(receipt.sendId(), a.id())).singleElement().satisfies(m -> {
            assertThat(m.text()).startsWith("Hello " + a.name().split(" ")[0] + " from Acme").endsWith("see you in Cluj.");
            assertThat(m.events()).extracting(SmsMessageLog.Event::state).containsSubsequence("queued", "sent", "delivered");
        });
    }

    @Test
    void shortCreditsAreAConflictAndNothingIsQueuedOrCharged() {
        SmsProvider p = sandbox(cfg(""), 7_500);
        onlyThese(Set.of("US"), p.id());
        topUp(10);
        String drain = "drain-" + java.util.UUID.randomUUID();
        long available = credits.balance("default").available();
        credits.reserve("default", drain, available - 1);
        try {
            long sendsBefore = count("select count(*) from sms_sends");
            long queuedBefore = count("select count(*) from dispatch_messages where channel = 'sms'");
            SendRequest request = SendRequest.text("Hi", Traffic.TRANSACTIONAL, List.of(), List.of(usMobile(), usMobile()));

            assertThatThrownBy(() -> sms.send(request, "test")).isInstanceOf(InsufficientCreditsException.class)
                    .hasMessageContaining("needs 2 messages").hasMessageContaining("has only 1 available");
            assertThat(count("select count(*) from sms_sends")).isEqualTo(sendsBefore);
            assertThat(count("select count(*) from dispatch_messages where channel = 'sms'")).isEqualTo(queuedBefore);
            assertThat(credits.balance("default").available()).isEqualTo(1);
        } finally {
            credits.cancelReservation(drain);
        }
    }

    @Test
    void excludedRecipientsAreListedWithReasonsAndNeverQueuedOrBilled() {
        SmsProvider p = sandbox(cfg(""), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);
        Contact ok = contact(usMobile(), zoneAtHour(12));
        Contact optedOut = contact(usMobile(), zoneAtHour(12));
        optOut(optedOut);
        String blocked = usMobile();
        contacts.block(Channel.SMS, blocked, "test", "test");
        String landline = berlinLandline();
        SendRequest request = SendRequest.text("Sale today", Traffic.MARKETING, List.of(ok.id(), optedOut.id()),
                List.of(blocked, "+1 555", landline));

        SendReceipt receipt = sms.send(request, "test");

        assertThat(receipt.preview().excluded()).extracting(SendPreview.Excluded::to, SendPreview.Excluded::reason)
                .containsExactlyInAnyOrder(tuple(optedOut.phone(), "opted out of SMS"), tuple(blocked, "blocklisted"),
                        tuple(landline, "not a mobile number"), tuple("+1 555", "invalid: too short"));
        assertThat(receipt.preview().eligible()).isEqualTo(1);
        assertThat(receipt.preview().credits()).isEqualTo(1);
        assertThat(sms.messages(receipt.sendId(), null)).extracting(SmsMessageLog::to).containsExactly(ok.phone());
        assertThat(count("select count(*) from dispatch_messages where idempotency_key like ?", receipt.sendId() + ":%")).isEqualTo(1);
    }

    @Test
    void aMarketingSmsOutsideTheWindowIsHeldUntilNineLocal() {
        SmsProvider p = sandbox(cfg(""), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);
        String night = zoneAtHour(3);
        Contact sleeper = contact(usMobile(), night);

        SendReceipt receipt = sms.send(SendRequest.text("Sale", Traffic.MARKETING, List.of(sleeper.id()), List.of()), "test");

        assertThat(receipt.preview().held()).singleElement().satisfies(h -> {
            assertThat(h.contactId()).isEqualTo(sleeper.id());
            assertThat(h.at()).isEqualTo(nextOpening(night, java.time.LocalTime.of(9, 0)));
        });
        assertThat(receipt.preview().excluded()).isEmpty();
        SmsMessageLog m = sms.messages(receipt.sendId(), null).getFirst();
        assertThat(m.state()).isEqualTo("held");
        long dispatchId = count("select dispatch_message_id from sms_messages where id = ?", m.id());
        assertThat(dispatch.find(dispatchId).orElseThrow().nextAttemptAt()).isEqualTo(h(receipt));
    }

    @Test
    void withoutAContactZoneQuietHoursFollowTheNumbersZone() {
        SmsProvider p = sandbox(cfg(""), 5_000, "JP");
        onlyThese(Set.of("JP"), p.id());
        topUp(100);
        String tokyo = "Asia/Tokyo";
        boolean open = !java.time.LocalTime.now(java.time.ZoneId.of(tokyo)).isBefore(java.time.LocalTime.of(9, 0))
                && java.time.LocalTime.now(java.time.ZoneId.of(tokyo)).isBefore(java.time.LocalTime.of(21, 0));
        Contact c = contact(japanMobile(), null);

        SendPreview preview = sms.preview(SendRequest.text("Sale", Traffic.MARKETING, List.of(c.id()), List.of()));

        if (open) {
            assertThat(preview.held()).isEmpty();
        } else {
            assertThat(preview.held()).singleElement().extracting(SendPreview.Held::at)
                    .isEqualTo(nextOpening(tokyo, java.time.LocalTime.of(9, 0)));
        }
        assertThat(preview.eligible()).isEqualTo(1);
    }

    private static java.time.Instant h(SendReceipt r) {
        return r.preview().held().getFirst().at();
    }

    @Test
    void transactionalToAnOptedOutContactGoesWhenConfigured() {
        SmsProvider p = sandbox(cfg(""), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);
        Contact c = contact(usMobile(), null);
        optOut(c);

        SendReceipt receipt = sms.send(SendRequest.text("Your order shipped", Traffic.TRANSACTIONAL, List.of(c.id()), List.of()), "test");

        assertThat(receipt.preview().excluded()).isEmpty();
        assertThat(awaitSend(receipt.sendId(), "settled").messages().get("delivered")).isEqualTo(1);
    }

    @Test
    void whenEveryMessageFailsTheCreditsAreFrozen() {
        SmsProvider p = sandbox(cfg("\"failSuffixes\":[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]"), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);

        SendReceipt receipt = sms.send(SendRequest.text("Hi", Traffic.TRANSACTIONAL, List.of(), List.of(usMobile(), usMobile())), "test");

        SmsSendStatus s = awaitSend(receipt.sendId(), "frozen");
        assertThat(s.submitted()).isEqualTo(2);
        assertThat(s.succeeded()).isZero();
        assertThat(credits.reservation(receipt.sendId()).orElseThrow().state()).isEqualTo(ReservationState.FROZEN);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.tidings.sms.SignaturesApi signatures;

    @Test
    void aCnSendBillsTheSignatureTheTextAndTheUnsubscribeTextAsSeed001Counts() {
        SmsProvider p = sandbox(cfg(""), 42_000, "CN");
        onlyThese(Set.of("CN"), p.id());
        topUp(100);
        String signature = "店" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        signatures.approve(signatures.apply(signature, "test").id(), "admin");
        String body = "亲爱的顾客，您的订单已经发货，请注意查收。".repeat(3); // 60 characters
        SendRequest request = SendRequest.text(body, Traffic.TRANSACTIONAL, List.of(), List.of(chinaMobile()))
                .withCn(signature, "回T退订");

        SendReceipt receipt = sms.send(request, "test");

        // 【9】 = 11 + 60 + 4 = 75 characters: over 70, so 2 messages of 67
        assertThat(io.tidings.sms.CnBilling.count(body, signature, "回T退订", false).segments()).isEqualTo(2);
        assertThat(receipt.preview().credits()).isEqualTo(2);
        assertThat(receipt.preview().costs().getFirst().micros()).isEqualTo(84_000);
        assertThat(sms.messages(receipt.sendId(), null).getFirst().text())
                .isEqualTo("【" + signature + "】" + body + "回T退订");
    }

    @Test
    void aCnSendWithAnUnapprovedSignatureIsRefused() {
        SendRequest request = SendRequest.text("您的订单已发货", Traffic.TRANSACTIONAL, List.of(), List.of(usMobile()))
                .withCn("未审核店" + java.util.UUID.randomUUID().toString().substring(0, 4), "回T退订");

        assertThatThrownBy(() -> sms.preview(request)).isInstanceOf(InvalidInputException.class).hasMessageContaining("is not approved");
        assertThatThrownBy(() -> sms.send(request, "test")).isInstanceOf(InvalidInputException.class).hasMessageContaining("signature");
    }

    @Test
    void aTestSendIsMarkedAsATest() {
        SmsProvider p = sandbox(cfg(""), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);

        SendReceipt receipt = sms.send(SendRequest.text("Coupon {{coupon}}", Traffic.TRANSACTIONAL, List.of(),
                List.of(usMobile())).asTest(), "test");

        assertThat(sms.sendStatus(receipt.sendId()).test()).isTrue();
        SmsMessageLog m = sms.messages(receipt.sendId(), null).getFirst();
        assertThat(m.text()).isEqualTo("Coupon [coupon]");
        assertThat(m.events().getFirst().detail()).isEqualTo("test send");
    }
}
