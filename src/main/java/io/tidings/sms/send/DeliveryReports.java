package io.tidings.sms.send;

import io.tidings.dispatch.DispatchApi;
import io.tidings.sms.DeliveryReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;

/**
 * Delivery reports into the log, the dispatch queue and the send's settlement. A report can beat the
 * submit result it belongs to (the provider answered before we stored its id, or before dispatch wrote
 * "sent"): it is parked and applied when the id is stored, or by {@link PendingReports} later.
 */
@Component
class DeliveryReports {

    private final SendStore store;
    private final ReportStore parked;
    private final Settlement settlement;
    private final DispatchApi dispatch;
    private final TransactionTemplate tx;

    DeliveryReports(SendStore store, ReportStore parked, Settlement settlement, DispatchApi dispatch, PlatformTransactionManager transactions) {
        this.store = store;
        this.parked = parked;
        this.settlement = settlement;
        this.dispatch = dispatch;
        this.tx = new TransactionTemplate(transactions);
    }

    void delivery(DeliveryReport r) {
        if (r.status() == DeliveryReport.Status.IN_FLIGHT || r.providerMessageId() == null) {
            return;
        }
        String status = r.status() == DeliveryReport.Status.DELIVERED ? "delivered" : "failed";
        ReportStore.Pending p = new ReportStore.Pending(r.providerMessageId(), r.gateway(), status, r.errorCode(),
                r.detail(), r.at() == null ? Instant.now() : r.at(), false);
        if (!applyToSms(p)) {
            parked.park(p);
            return;
        }
        if (!markDispatch(p)) {
            parked.park(new ReportStore.Pending(p.providerMessageId(), p.gateway(), p.status(), p.errorCode(), p.detail(),
                    p.reportedAt(), true));
        }
    }

    /** After the ids were stored: applies the reports parked for them, if any (one lookup for the batch). */
    void applyParked(String gateway, String[] providerMessageIds) {
        for (ReportStore.Pending p : parked.pending(gateway, providerMessageIds)) {
            retry(p);
        }
    }

    /** One more try for a parked report; true when it is done with. */
    boolean retry(ReportStore.Pending p) {
        if (!p.appliedToSms()) {
            if (!applyToSms(p)) {
                return false;
            }
            parked.markPendingApplied(p.gateway(), p.providerMessageId());
        }
        if (markDispatch(p)) {
            parked.dropPending(p.gateway(), p.providerMessageId());
            return true;
        }
        return false;
    }

    /** @return false when no message has this provider id yet */
    private boolean applyToSms(ReportStore.Pending p) {
        Boolean applied = tx.execute(s -> {
            String detail = p.gateway() + ": " + p.status() + (p.errorCode() == null ? "" : " " + p.errorCode())
                    + (p.detail() == null ? "" : " (" + p.detail() + ")");
            String error = p.status().equals("failed") ? (p.errorCode() == null ? "failed" : p.errorCode()) : null;
            Optional<Optional<String>> send = store.applyReport(p.gateway(), p.providerMessageId(), p.status(), error,
                    detail, p.reportedAt());
            if (send.isEmpty() && store.known(p.gateway(), p.providerMessageId())) {
                // stored between the two statements (try once more), or already final (a repeated report)
                send = store.applyReport(p.gateway(), p.providerMessageId(), p.status(), error, detail, p.reportedAt());
                send.ifPresent(settlement::afterFinalOf);
                return true;
            }
            send.ifPresent(settlement::afterFinalOf);
            return send.isPresent();
        });
        return Boolean.TRUE.equals(applied);
    }

    /** Dispatch takes a report only once it wrote "sent"; until then the report waits. */
    private boolean markDispatch(ReportStore.Pending p) {
        Optional<Long> matched = p.status().equals("delivered")
                ? dispatch.markDelivered(SmsSends.CHANNEL, p.providerMessageId(), p.detail())
                : dispatch.markFailed(SmsSends.CHANNEL, p.providerMessageId(), p.detail());
        return matched.isPresent() || dispatchAlreadyFinal(p.gateway(), p.providerMessageId());
    }

    private boolean dispatchAlreadyFinal(String gateway, String providerMessageId) {
        return parked.dispatchId(gateway, providerMessageId).flatMap(dispatch::find)
                .map(m -> switch (m.state()) {
                    case DELIVERED, FAILED, CANCELLED -> true;
                    default -> false;
                }).orElse(false);
    }
}
