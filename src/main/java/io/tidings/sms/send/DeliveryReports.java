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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        // Usually dispatch has not written "sent" yet (its worker is still in the same batch): park the report
        // without asking dispatch whether it is already final; the sweep does that for what it cannot apply.
        if (!markDispatchSent(p)) {
            parked.park(new ReportStore.Pending(p.providerMessageId(), p.gateway(), p.status(), p.errorCode(), p.detail(),
                    p.reportedAt(), true));
        }
    }

    /**
     * After the ids were stored: applies the reports parked for them, if any (one lookup for the batch). Dispatch
     * has usually not written "sent" for them yet (the channel has not returned): those stay parked for the sweep,
     * without asking dispatch about each one.
     */
    void applyParked(String gateway, String[] providerMessageIds) {
        retryAll(parked.pending(gateway, providerMessageIds), false);
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
        Set<String> matched = dispatch.markReported(SmsSends.CHANNEL, ids, delivered, details);
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
        Set<String> applied = new HashSet<>();
        tx.executeWithoutResult(s -> {
            Map<String, String> sends = store.applyReports(gateway, ids, states, errors, details, ats);
            applied.addAll(sends.keySet());
            sends.values().stream().filter(Objects::nonNull).distinct().forEach(settlement::afterFinal);
        });
        return applied;
    }

    private static String detail(ReportStore.Pending p) {
        return p.gateway() + ": " + p.status() + (p.errorCode() == null ? "" : " " + p.errorCode())
                + (p.detail() == null ? "" : " (" + p.detail() + ")");
    }

    private static String error(ReportStore.Pending p) {
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

    private boolean markDispatchSent(ReportStore.Pending p) {
        return (p.status().equals("delivered")
                ? dispatch.markDelivered(SmsSends.CHANNEL, p.providerMessageId(), p.detail())
                : dispatch.markFailed(SmsSends.CHANNEL, p.providerMessageId(), p.detail())).isPresent();
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
