package io.tidings.sms.send;

import io.tidings.credits.CreditsApi;
import io.tidings.credits.Reservation;
import io.tidings.credits.ReservationState;
import io.tidings.dispatch.Traffic;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsSendStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send of more than {@code tidings.sms.queue-chunk} messages (3 in tests) is queued in chunks, each committed on
 * its own so dispatch starts early; the send is 'queuing' until the last chunk is in and never settles before.
 */
class ChunkedQueuingTests extends SmsSendTestSupport {

    @Autowired
    SendPlanner planner;
    @Autowired
    SendStore store;
    @Autowired
    SmsSends sends;
    @Autowired
    PendingReports sweeps;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSendOfManyChunksQueuesEveryMessageOnceAndChargesWhatItPreviewed() {
        SmsProvider p = sandbox(cfg(""), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);
        List<String> phones = IntStream.range(0, 10).mapToObj(i -> usMobile()).toList();

        SendReceipt receipt = sms.send(SendRequest.text("Your code is ready", Traffic.TRANSACTIONAL, List.of(), phones), "test");

        assertThat(count("select queued from sms_sends where id = '" + receipt.sendId() + "'")).isEqualTo(10);
        assertThat(count("select count(distinct dispatch_message_id) from sms_messages where send_id = '"
                + receipt.sendId() + "'")).isEqualTo(10);
        SmsSendStatus done = awaitSend(receipt.sendId(), "settled");
        assertThat(done.messages().get("delivered")).isEqualTo(10);
        assertThat(done.note()).isNull();
        Reservation r = credits.reservation(receipt.sendId()).orElseThrow();
        assertThat(r.charged()).isEqualTo(receipt.preview().credits()).isEqualTo(10);
    }

    @Test
    void aSendLeftQueuingByAStoppedNodeNeverSettlesEarlyThenSendsWhatWasQueuedAndReturnsTheRest() {
        SmsProvider p = sandbox(cfg(""), 5_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);
        List<String> phones = IntStream.range(0, 5).mapToObj(i -> usMobile()).toList();
        SendRequest request = SendRequest.text("Your parcel is on its way", Traffic.TRANSACTIONAL, List.of(), phones);
        String sendId = UUID.randomUUID().toString();
        Plan plan = planner.plan(request, sendId);
        // What SmsSends.send commits first, and then the node stops: the first chunk of 3, the send 'queuing'.
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            store.insertSend(new SendStore.NewSend(sendId, CreditsApi.DEFAULT_ACCOUNT, "transactional", "intl", false,
                    "test", 5, 5, 0, 0, plan.preview().credits(), "{}", "queuing"));
            credits.reserve(CreditsApi.DEFAULT_ACCOUNT, sendId, plan.preview().credits());
            sends.enqueue(sendId, "transactional", false, plan.messages().subList(0, 3), false);
            store.queuedChunk(sendId, 3);
        });

        await(() -> sms.sendStatus(sendId).messages().get("delivered") == 3, Duration.ofSeconds(20),
                () -> "the first chunk to be delivered: " + sms.sendStatus(sendId));
        sweeps.sweep(); // the sweep that settles finished sends leaves a queuing one alone
        assertThat(sms.sendStatus(sendId).state()).isEqualTo("queuing");
        assertThat(credits.reservation(sendId).orElseThrow().state()).isEqualTo(ReservationState.RESERVED);
        sweeps.sweepSilent(); // not stalled long enough yet
        assertThat(sms.sendStatus(sendId).state()).isEqualTo("queuing");

        jdbc.sql("update sms_sends set queued_at = now() - interval '10 minutes' where id = :id").param("id", sendId).update();
        sweeps.sweepSilent();

        SmsSendStatus done = awaitSend(sendId, "settled");
        assertThat(done.note()).contains("after 3 of 5 messages").contains("not charged");
        assertThat(done.messages().get("delivered")).isEqualTo(3);
        Reservation r = credits.reservation(sendId).orElseThrow();
        assertThat(r.state()).isEqualTo(ReservationState.SETTLED);
        assertThat(r.charged()).isEqualTo(3).isLessThan(plan.preview().credits());
    }
}
