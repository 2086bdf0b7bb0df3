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
import java.util.ArrayList;
import java.util.List;

/** What a provider's answer does to our message: stored, settled, and the dispatch result to return. */
@Component
class SubmitOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SubmitOutcomes.class);

    private final SendStore store;
    private final Settlement settlement;
    private final DeliveryReports reports;
    private final ContactsApi contacts;
    private final TransactionTemplate tx;

    SubmitOutcomes(SendStore store, Settlement settlement, DeliveryReports reports, ContactsApi contacts,
                   PlatformTransactionManager transactions) {
        this.store = store;
        this.settlement = settlement;
        this.reports = reports;
        this.contacts = contacts;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Stores the provider's ids in one statement, then applies reports that arrived before them. */
    List<SendResult> accepted(long providerId, String gateway, List<SmsChannel.Work> work, List<SmsSubmitResult.Accepted> answers) {
        int n = work.size();
        Long[] ids = new Long[n];
        String[] providerIds = new String[n];
        String[] details = new String[n];
        List<SendResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SmsSubmitResult.Accepted a = answers.get(i);
            ids[i] = work.get(i).row().id();
            providerIds[i] = a.providerMessageId();
            details[i] = "accepted by " + gateway + " as " + a.providerMessageId() + " (" + a.segments() + " segment(s))";
            results.add(SendResult.sent(work.get(i).queued(), a.providerMessageId()));
        }
        if (n > 0) {
            store.markAccepted(providerId, gateway, ids, providerIds, details);
            reports.applyParked(gateway, providerIds);
        }
        return results;
    }

    /** One message: what the channel does for a batch (tests play a provider with it). */
    void accepted(long smsId, long providerId, String gateway, String providerMessageId, int segments) {
        store.markAccepted(providerId, gateway, new Long[]{smsId}, new String[]{providerMessageId},
                new String[]{"accepted by " + gateway + " as " + providerMessageId + " (" + segments + " segment(s))"});
        reports.applyParked(gateway, new String[]{providerMessageId});
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
