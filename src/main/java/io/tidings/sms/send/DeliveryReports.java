package io.tidings.sms.send;

import io.tidings.dispatch.DispatchApi;
import io.tidings.sms.DeliveryReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivery reports into the log, the dispatch queue and the send's settlement. A new report goes through the
 * {@link SendJournal}; one that beat the submit result it belongs to is parked there and applied with that
 * result, or by {@link PendingReports}, which retries what is parked with the methods here.
 */
@Component
class DeliveryReports {

    private final SendStore store;
    private final ReportStore parked;
    private final Settlement settlement;
    private final DispatchApi dispatch;
    private final SendJournal journal;
    private final TransactionTemplate tx;

    DeliveryReports(SendStore store, ReportStore parked, Settlement settlement, DispatchApi dispatch, SendJournal journal,
                    PlatformTransactionManager transactions) {
        this.journal = journal;
        this.store = store;
        this.parked = parked;
        this.settlement = settlement;
        this.dispatch = dispatch;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Returns once the report is committed (applied, or parked for a message not stored yet), written together
     * with whatever else reached the {@link SendJournal} meanwhile. A failure to write throws, so the provider
     * delivers the report again.
     */
    void delivery(DeliveryReport r) {
        if (r.status() == DeliveryReport.Status.IN_FLIGHT || r.providerMessageId() == null) {
            return;
        }
        String status = r.status() == DeliveryReport.Status.DELIVERED ? "delivered" : "failed";
        ReportStore.Pending p = new ReportStore.Pending(r.providerMessageId(), r.gateway(), status, r.errorCode(),
                r.detail(), r.at() == null ? Instant.now() : r.at(), false);
        SendJournal.await(journal.reported(p));
    }

    /**
     * One more try for many parked reports, a few set-based statements per gateway instead of several per report.
     *
     * @param checkFinal for a report dispatch did not take, look whether dispatch is already final (one lookup each)
     * @return how many are done with
     */
    int retryAll(List<ReportStore.Pending> reports, boolean checkFinal) {
        Map<String, List<ReportStore.Pending>> byGateway = new LinkedHashMap<>();
        for (ReportStore.Pending p : reports) {
            byGateway.computeIfAbsent(p.gateway(), k -> new ArrayList<>()).add(p);
        }
        int done = 0;
        for (Map.Entry<String, List<ReportStore.Pending>> e : byGateway.entrySet()) {
            done += retryAll(e.getKey(), e.getValue(), checkFinal);
        }
        return done;
    }

    private int retryAll(String gateway, List<ReportStore.Pending> reports, boolean checkFinal) {
        List<ReportStore.Pending> onSms = new ArrayList<>();
        List<ReportStore.Pending> fresh = reports.stream().filter(p -> !p.appliedToSms()).toList();
        if (!fresh.isEmpty()) {
            Set<String> applied = applyAllToSms(gateway, fresh);
            List<String> nowApplied = new ArrayList<>(applied);
            for (ReportStore.Pending p : fresh) {
                // not changed by the batch: not stored yet, or already final (a repeated report); one at a time
                if (!applied.contains(p.providerMessageId()) && applyToSms(p)) {
                    nowApplied.add(p.providerMessageId());
                    applied.add(p.providerMessageId());
                }
            }
            if (!nowApplied.isEmpty()) {
                parked.markPendingApplied(gateway, nowApplied.toArray(String[]::new));
            }
            for (ReportStore.Pending p : fresh) {
                if (applied.contains(p.providerMessageId())) {
                    onSms.add(p);
                }
            }
        }
        reports.stream().filter(ReportStore.Pending::appliedToSms).forEach(onSms::add);
        if (onSms.isEmpty()) {
            return 0;
        }
        Set<String> matched = DeliveryReports.reportToDispatch(dispatch, onSms);
        List<String> drop = new ArrayList<>(matched);
        for (ReportStore.Pending p : onSms) {
            if (checkFinal && !matched.contains(p.providerMessageId()) && dispatchAlreadyFinal(gateway, p.providerMessageId())) {
                drop.add(p.providerMessageId());
            }
        }
        if (!drop.isEmpty()) {
            parked.dropPending(gateway, drop.toArray(String[]::new));
        }
        return drop.size();
    }

    /** @return the provider ids whose message the reports changed, each send settled if that was its last */
    private Set<String> applyAllToSms(String gateway, List<ReportStore.Pending> reports) {
        Set<String> applied = new HashSet<>();
        tx.executeWithoutResult(s -> {
            Map<String, SendStore.Applied> changed = applyReports(store, gateway, reports);
            applied.addAll(changed.keySet());
            Settlement.lastOf(changed.values()).forEach(settlement::afterLast);
        });
        return applied;
    }

    static String detail(ReportStore.Pending p) {
        return p.gateway() + ": " + p.status() + (p.errorCode() == null ? "" : " " + p.errorCode())
                + (p.detail() == null ? "" : " (" + p.detail() + ")");
    }

    static String error(ReportStore.Pending p) {
        return p.status().equals("failed") ? (p.errorCode() == null ? "failed" : p.errorCode()) : null;
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
            String detail = detail(p);
            String error = error(p);
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

    /** Applies reports of one gateway to our messages in one statement: provider id → what changed. */
    static Map<String, SendStore.Applied> applyReports(SendStore store, String gateway, List<ReportStore.Pending> reports) {
        int n = reports.size();
        String[] ids = new String[n];
        String[] states = new String[n];
        String[] errors = new String[n];
        String[] details = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            ReportStore.Pending p = reports.get(i);
            ids[i] = p.providerMessageId();
            states[i] = p.status();
            errors[i] = error(p);
            details[i] = detail(p);
            ats[i] = p.reportedAt() == null ? null : p.reportedAt().toString();
        }
        return store.applyReports(gateway, ids, states, errors, details, ats);
    }

    /** Moves the dispatch rows of reports already applied to our messages; returns the provider ids that matched. */
    static Set<String> reportToDispatch(io.tidings.dispatch.DispatchApi dispatch, List<ReportStore.Pending> onSms) {
        int n = onSms.size();
        String[] ids = new String[n];
        boolean[] delivered = new boolean[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            ReportStore.Pending p = onSms.get(i);
            ids[i] = p.providerMessageId();
            delivered[i] = p.status().equals("delivered");
            details[i] = p.detail();
        }
        return dispatch.markReported(SmsSends.CHANNEL, ids, delivered, details);
    }
}
