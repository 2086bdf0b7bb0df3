package io.tidings.sms.send;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.ContactsApi;
import io.tidings.dispatch.SendResult;
import io.tidings.sms.SmsSubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** What a provider's answer does to our message: stored, settled, and the dispatch result to return. */
@Component
class SubmitOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SubmitOutcomes.class);

    private final SendStore store;
    private final Settlement settlement;
    private final SendJournal journal;
    private final ContactsApi contacts;
    private final TransactionTemplate tx;

    SubmitOutcomes(SendStore store, Settlement settlement, SendJournal journal, ContactsApi contacts,
                   PlatformTransactionManager transactions) {
        this.store = store;
        this.settlement = settlement;
        this.journal = journal;
        this.contacts = contacts;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Hands an accepted message to the journal, which records it "sent" (ours and dispatch's) in its next group
     * and applies any report that came before it. The future completes once that is committed.
     */
    CompletableFuture<Void> accepted(long providerId, String gateway, SmsChannel.Work w, SmsSubmitResult.Accepted a) {
        return journal.accepted(new SendJournal.Accept(w.row().id(), providerId, gateway, a.providerMessageId(),
                a.segments(), w.queued()));
    }

    /** One message accepted outside any worker's batch (tests play a provider with it); returns once committed. */
    void accepted(long smsId, long providerId, String gateway, String providerMessageId, int segments) {
        SendJournal.await(journal.accepted(new SendJournal.Accept(smsId, providerId, gateway, providerMessageId, segments, null)));
    }

    SendResult rejected(SmsChannel.Work w, SmsSubmitResult.Rejected r) {
        String reason = r.code() + " " + r.reason();
        tx.executeWithoutResult(s -> store.markFinal(w.row().id(), "rejected", reason).ifPresent(settlement::afterFinalOf));
        if (r.optOut() && w.row().contactId() != null) {
            try {
                contacts.changeConsent(w.row().contactId(), new ConsentChange(Channel.SMS, ConsentState.OPTED_OUT,
                        "provider", r.code(), "sms-provider", null));
            } catch (RuntimeException e) {
                log.warn("could not opt out contact {} after provider code {}", w.row().contactId(), r.code(), e);
            }
        }
        return SendResult.failed(w.queued(), reason);
    }

    SendResult retry(SmsChannel.Work w, String reason, Duration after) {
        if (w.queued().attempt() >= w.queued().maxAttempts()) {
            // dispatch fails the message after this answer and tells nobody: the log and the send must know
            tx.executeWithoutResult(s -> store.markFinal(w.row().id(), "failed", "no provider took it: " + reason)
                    .ifPresent(settlement::afterFinalOf));
        }
        return SendResult.retryAfter(w.queued(), reason, after);
    }
}
