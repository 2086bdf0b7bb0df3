package io.tidings.sms.send;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentEntry;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.dispatch.QueuedMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.dispatch.Traffic;
import io.tidings.sms.DeliveryReport;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsSubmitResult;
import org.junit.jupiter.api.Test;
import io.tidings.sms.SmsSendStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReportTests extends SmsSendTestSupport {

    @Autowired
    SubmitOutcomes outcomes;
    @Autowired
    SendStore store;

    /** A marketing message held until tomorrow morning: it stays put while the test plays the provider. */
    private SmsMessageLog heldMessage(SmsProvider p, Contact c) {
        topUp(100);
        SendReceipt r = sms.send(SendRequest.text("Sale", Traffic.MARKETING, List.of(c.id()), List.of()), "test");
        SmsMessageLog m = sms.messages(r.sendId(), null).getFirst();
        assertThat(m.state()).isEqualTo("held");
        return m;
    }

    @Test
    void aReportThatArrivesBeforeTheSubmitResultIsAppliedWhenTheIdIsStored() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        Contact c = contact(usMobile(), zoneAtHour(3));
        SmsMessageLog m = heldMessage(p, c);
        String providerId = "EARLY" + UUID.randomUUID();

        sink.delivery(new DeliveryReport("sandbox:" + p.id(), providerId, DeliveryReport.Status.DELIVERED, null, "early", Instant.now()));
        assertThat(sms.messages(m.sendId(), null).getFirst().state()).as("nothing to apply it to yet").isEqualTo("held");
        assertThat(count("select count(*) from sms_pending_reports where provider_message_id = ?", providerId)).isEqualTo(1);
        dispatch.cancel(count("select dispatch_message_id from sms_messages where id = ?", m.id()));

        outcomes.accepted(m.id(), p.id(), "sandbox:" + p.id(), providerId, 1);

        SmsMessageLog after = sms.messages(m.sendId(), null).getFirst();
        assertThat(after.state()).isEqualTo("delivered");
        assertThat(after.providerMessageId()).isEqualTo(providerId);
        assertThat(after.events()).extracting(SmsMessageLog.Event::state).containsSubsequence("held", "sent", "delivered");
        assertThat(awaitSend(m.sendId(), "settled").billed()).isEqualTo(1);
        await(() -> count("select count(*) from sms_pending_reports where provider_message_id = ?", providerId) == 0,
                java.time.Duration.ofSeconds(5), () -> "the parked report to be dropped once dispatch is final");
    }

    @Autowired
    JournalWriter writer;

    @Test
    void aReportWrittenInTheSameGroupAsItsSubmitResultFinishesTheMessageAndSettlesTheSend() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        Contact c = contact(usMobile(), zoneAtHour(3));
        SmsMessageLog m = heldMessage(p, c);
        dispatch.cancel(count("select dispatch_message_id from sms_messages where id = ?", m.id()));
        String gateway = "sandbox:" + p.id();
        String providerId = "GROUP" + UUID.randomUUID();

        List<ReportStore.Pending> left = new TransactionTemplate(transactions).execute(s -> writer.write(
                List.of(new SendJournal.Accept(m.id(), p.id(), gateway, providerId, 1, null)),
                List.of(new ReportStore.Pending(providerId, gateway, "delivered", null, "same group", Instant.now(), false)),
                r -> false));

        assertThat(left).isEmpty();
        SmsMessageLog after = sms.messages(m.sendId(), null).getFirst();
        assertThat(after.state()).isEqualTo("delivered");
        assertThat(after.providerMessageId()).isEqualTo(providerId);
        assertThat(after.events()).extracting(SmsMessageLog.Event::state).containsSubsequence("held", "sent", "delivered");
        assertThat(after.events()).filteredOn(e -> e.state().equals("delivered")).hasSize(1);
        assertThat(awaitSend(m.sendId(), "settled").billed()).isEqualTo(1);
        // dispatch's row was cancelled before: the report waits parked until the sweep sees dispatch final
        await(() -> count("select count(*) from sms_pending_reports where provider_message_id = ?", providerId) == 0,
                Duration.ofSeconds(5), () -> "the owed report to be dropped once dispatch is final");
    }

    @Test
    void aReportRacingItsSubmitResultIsAppliedOnceWhicheverIsWrittenFirst() throws Exception {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        String gateway = "sandbox:" + p.id();
        for (int i = 0; i < 3; i++) {
            Contact c = contact(usMobile(), zoneAtHour(3));
            SmsMessageLog m = heldMessage(p, c);
            dispatch.cancel(count("select dispatch_message_id from sms_messages where id = ?", m.id()));
            String providerId = "RACE" + i + UUID.randomUUID();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            try (ExecutorService both = Executors.newFixedThreadPool(2)) {
                Future<?> report = both.submit(() -> {
                    go.await();
                    sink.delivery(new DeliveryReport(gateway, providerId, DeliveryReport.Status.DELIVERED, null, "race",
                            Instant.now()));
                    return null;
                });
                Future<?> accepted = both.submit(() -> {
                    go.await();
                    outcomes.accepted(m.id(), p.id(), gateway, providerId, 1);
                    return null;
                });
                go.countDown();
                report.get(20, TimeUnit.SECONDS);
                accepted.get(20, TimeUnit.SECONDS);
            }

            await(() -> sms.messages(m.sendId(), null).getFirst().state().equals("delivered"), Duration.ofSeconds(5),
                    () -> "the racing report to be applied");
            SmsMessageLog after = sms.messages(m.sendId(), null).getFirst();
            assertThat(after.events()).extracting(SmsMessageLog.Event::state).containsSubsequence("held", "sent", "delivered");
            assertThat(after.events()).filteredOn(e -> e.state().equals("delivered")).hasSize(1);
            assertThat(awaitSend(m.sendId(), "settled").billed()).isEqualTo(1);
        }
    }

    @Autowired
    PendingReports sweeps;

    @Test
    void aMessageDispatchGaveUpOnTakesItsStateSoTheSendStillSettles() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        Contact c = contact(usMobile(), zoneAtHour(3));
        SmsMessageLog m = heldMessage(p, c);
        dispatch.cancel(count("select dispatch_message_id from sms_messages where id = ?", m.id()));
        // as if it had waited past every lease, and its time had come
        jdbc.sql("update sms_messages set updated_at = now() - interval '1 hour', not_before = now() - interval '1 minute' where id = ?")
                .param(m.id()).update();

        sweeps.sweepSilent();

        assertThat(sms.messages(m.sendId(), null).getFirst().state()).isEqualTo("cancelled");
        assertThat(sms.sendStatus(m.sendId()).state()).isEqualTo("settled");
        assertThat(credits.reservation(m.sendId()).orElseThrow().charged()).isZero();
    }

    @Test
    void aReportForAnUnknownMessageIdChangesNothing() {
        String providerId = "NOBODY" + UUID.randomUUID();

        sink.delivery(new DeliveryReport("sandbox:0", providerId, DeliveryReport.Status.FAILED, "X", "who?", Instant.now()));

        assertThat(count("select count(*) from sms_messages where provider_message_id = ?", providerId)).isZero();
        assertThat(count("select count(*) from sms_message_events where detail like ?", "%" + providerId + "%")).isZero();
        assertThat(count("select count(*) from dispatch_messages where provider_message_id = ?", providerId)).isZero();
        assertThat(count("select count(*) from sms_pending_reports where provider_message_id = ? and not applied_to_sms", providerId))
                .as("kept, in case its message shows up").isEqualTo(1);
    }

    @Test
    void aProviderRejectionForAnUnsubscribedNumberOptsTheContactOut() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        Contact c = contact(usMobile(), zoneAtHour(3));
        SmsMessageLog m = heldMessage(p, c);
        SendStore.Row row = store.rows(new Long[]{m.id()}).getFirst();
        QueuedMessage q = new QueuedMessage(1L, "sms", String.valueOf(p.id()), c.phone(), "{}", Traffic.MARKETING, "k", 1, 5);

        SendResult result = outcomes.rejected(new SmsChannel.Work(q, row, new HashSet<>()),
                new SmsSubmitResult.Rejected(m.id(), "21610", "Attempt to send to unsubscribed recipient", true));

        assertThat(result).isInstanceOf(SendResult.Failed.class);
        assertThat(contacts.get(c.id()).smsConsent()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(contacts.consentLog(c.id())).filteredOn(e -> e.channel() == Channel.SMS).last()
                .extracting(ConsentEntry::how, ConsentEntry::source).containsExactly("provider", "21610");
        assertThat(sms.messages(m.sendId(), null).getFirst().state()).isEqualTo("rejected");
        assertThat(sms.sendStatus(m.sendId()).state()).as("nothing was submitted: settled at zero").isEqualTo("settled");
        assertThat(credits.reservation(m.sendId()).orElseThrow().charged()).isZero();
    }

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The race behind a bench run that printed "delivered 199, settled": the last report settled the send between
     * the status's read of the counts and its read of the send. Holding sms_sends makes the reader wait exactly
     * there (wherever it reads the send), while the last report is applied and commits.
     */
    @Test
    void aStatusReadWhileTheLastReportSettlesTheSendShowsOneMoment() throws Exception {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        Contact c = contact(usMobile(), zoneAtHour(3));
        SmsMessageLog m = heldMessage(p, c);
        dispatch.cancel(count("select dispatch_message_id from sms_messages where id = ?", m.id()));
        String gateway = "sandbox:" + p.id();
        String providerId = "LAST" + UUID.randomUUID();
        outcomes.accepted(m.id(), p.id(), gateway, providerId, 1);
        assertThat(sms.sendStatus(m.sendId()).messages()).containsEntry("sent", 1L);

        AtomicReference<Future<SmsSendStatus>> read = new AtomicReference<>();
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.sql("lock table sms_sends in access exclusive mode").update();
                read.set(reader.submit(() -> sms.sendStatus(m.sendId())));
                await(() -> {
                    // pg_stat_activity is a snapshot kept for the transaction unless cleared
                    jdbc.sql("select pg_stat_clear_snapshot()").query((rs, i) -> 1).list();
                    return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query ilike 'select%settled_at%from sms_sends%'") > 0;
                }, Duration.ofSeconds(10), () -> "the status read to wait for sms_sends");
                sink.delivery(new DeliveryReport(gateway, providerId, DeliveryReport.Status.DELIVERED, null, "last",
                        Instant.now()));
            });
            SmsSendStatus status = read.get().get(10, TimeUnit.SECONDS);

            assertThat(status.state()).isEqualTo("settled");
            assertThat(status.messages()).as("counts of the same moment as the state")
                    .containsEntry("sent", 0L).containsEntry("delivered", 1L);
            assertThat(status.succeeded()).isEqualTo(1);
        }
    }
}
