package io.tidings.sms.send;

import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.QueuedMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes one group of the {@link SendJournal} in the caller's transaction, a few set-based statements whatever its
 * size: submit results first (our message and dispatch's both say "sent" with the provider id) with the reports
 * that were parked for them, then the group's reports (our message, then dispatch), and last the settlement of each
 * send whose last open message the group finished.
 */
@Component
class JournalWriter {

    private final SendStore store;
    private final ReportStore parked;
    private final Settlement settlement;
    private final DispatchApi dispatch;

    JournalWriter(SendStore store, ReportStore parked, Settlement settlement, DispatchApi dispatch) {
        this.store = store;
        this.parked = parked;
        this.settlement = settlement;
        this.dispatch = dispatch;
    }

    /**
     * @param wait for a report whose message is not stored (yet): true to leave it to the caller, which tries again
     *             soon (its submit result is on its way), false to park it
     * @return the reports left to the caller
     */
    List<ReportStore.Pending> write(List<SendJournal.Accept> accepts, List<ReportStore.Pending> reports,
                                    Predicate<ReportStore.Pending> wait) {
        // The sends whose last open message this group finished, in order: concurrent groups lock them alike.
        Set<String> sends = new java.util.TreeSet<>();
        Set<String> merged = accepts.isEmpty() ? Set.of() : new HashSet<>();
        if (!accepts.isEmpty()) {
            // A report that came in the same group as its submit result is written with it: one row version.
            Map<String, ReportStore.Pending> withResult = new HashMap<>();
            for (ReportStore.Pending p : reports) {
                if (!p.appliedToSms()) {
                    withResult.putIfAbsent(key(p.gateway(), p.providerMessageId()), p);
                }
            }
            Map<String, SendStore.Applied> finals = accept(accepts, withResult);
            merged.addAll(finals.keySet());
            sends.addAll(Settlement.lastOf(finals.values()));
        }
        Map<String, List<ReportStore.Pending>> byGateway = new LinkedHashMap<>();
        for (ReportStore.Pending p : reports) {
            ReportStore.Pending q = merged.contains(key(p.gateway(), p.providerMessageId())) && !p.appliedToSms()
                    ? new ReportStore.Pending(p.providerMessageId(), p.gateway(), p.status(), p.errorCode(), p.detail(),
                    p.reportedAt(), true)
                    : p;
            byGateway.computeIfAbsent(p.gateway(), k -> new ArrayList<>()).add(q);
        }
        Set<String> wasParked = new HashSet<>();
        if (!accepts.isEmpty()) {
            // Reports that came before their submit result (or on another node) wait in sms_pending_reports.
            Map<String, List<String>> ids = new LinkedHashMap<>();
            accepts.forEach(a -> ids.computeIfAbsent(a.gateway(), k -> new ArrayList<>()).add(a.providerMessageId()));
            ids.forEach((gateway, pids) -> {
                for (ReportStore.Pending p : parked.pending(gateway, pids.toArray(String[]::new))) {
                    wasParked.add(p.providerMessageId());
                    byGateway.computeIfAbsent(gateway, k -> new ArrayList<>()).add(p);
                }
            });
        }
        List<ReportStore.Pending> waiting = new ArrayList<>();
        byGateway.forEach((gateway, list) -> report(gateway, dedupe(list), wasParked, sends, wait, waiting));
        sends.forEach(settlement::afterLast);
        return waiting;
    }

    private static String key(String gateway, String providerMessageId) {
        return gateway + "\n" + providerMessageId;
    }

    /**
     * Per provider and gateway one statement for our messages; one for dispatch's.
     * @param withResult gateway + provider id → a report of this group for that submit result
     * @return gateway + provider id → what changed, of each message written final with its report
     */
    private Map<String, SendStore.Applied> accept(List<SendJournal.Accept> accepts, Map<String, ReportStore.Pending> withResult) {
        Map<String, SendStore.Applied> finals = new HashMap<>();
        Map<String, List<SendJournal.Accept>> groups = new LinkedHashMap<>();
        accepts.forEach(a -> groups.computeIfAbsent(a.providerId() + "\n" + a.gateway(), k -> new ArrayList<>()).add(a));
        for (List<SendJournal.Accept> g : groups.values()) {
            int n = g.size();
            Long[] ids = new Long[n];
            String[] providerIds = new String[n];
            String[] details = new String[n];
            String[] finalStates = new String[n];
            String[] errors = new String[n];
            String[] finalDetails = new String[n];
            String[] ats = new String[n];
            for (int i = 0; i < n; i++) {
                SendJournal.Accept a = g.get(i);
                ids[i] = a.smsId();
                providerIds[i] = a.providerMessageId();
                details[i] = "accepted by " + a.gateway() + " as " + a.providerMessageId() + " (" + a.segments() + " segment(s))";
                ReportStore.Pending p = withResult.get(key(a.gateway(), a.providerMessageId()));
                if (p != null) {
                    finalStates[i] = p.status();
                    errors[i] = DeliveryReports.error(p);
                    finalDetails[i] = DeliveryReports.detail(p);
                    ats[i] = p.reportedAt() == null ? null : p.reportedAt().toString();
                }
            }
            String gateway = g.getFirst().gateway();
            store.markAccepted(g.getFirst().providerId(), gateway, ids, providerIds, details, finalStates, errors,
                    finalDetails, ats).forEach((pid, applied) -> finals.put(key(gateway, pid), applied));
        }
        List<QueuedMessage> queued = new ArrayList<>();
        List<String> providerIds = new ArrayList<>();
        for (SendJournal.Accept a : accepts) {
            if (a.queued() != null) {
                queued.add(a.queued());
                providerIds.add(a.providerMessageId());
            }
        }
        if (!queued.isEmpty()) {
            dispatch.markSent(queued, providerIds);
        }
        return finals;
    }

    /** A provider id reported twice in one group (a fresh copy and a parked one): the applied copy, else the first. */
    private static List<ReportStore.Pending> dedupe(List<ReportStore.Pending> reports) {
        Map<String, ReportStore.Pending> one = new LinkedHashMap<>();
        for (ReportStore.Pending p : reports) {
            one.merge(p.providerMessageId(), p, (a, b) -> a.appliedToSms() ? a : b.appliedToSms() ? b : a);
        }
        return new ArrayList<>(one.values());
    }

    private void report(String gateway, List<ReportStore.Pending> reports, Set<String> wasParked, Set<String> sends,
                        Predicate<ReportStore.Pending> wait, List<ReportStore.Pending> waiting) {
        List<ReportStore.Pending> fresh = reports.stream().filter(p -> !p.appliedToSms()).toList();
        List<ReportStore.Pending> onSms = new ArrayList<>(reports.stream().filter(ReportStore.Pending::appliedToSms).toList());
        List<ReportStore.Pending> unknown = new ArrayList<>();
        if (!fresh.isEmpty()) {
            Map<String, SendStore.Applied> changed = applyToSms(gateway, fresh);
            List<String> unchanged = fresh.stream().map(ReportStore.Pending::providerMessageId)
                    .filter(id -> !changed.containsKey(id)).toList();
            // Not changed: not stored yet, or already final (a repeated report; dispatch may still need it), or its
            // submit result was committed (by the other lane) just after the statement above began: once more.
            Set<String> known = unchanged.isEmpty() ? Set.of() : store.known(gateway, unchanged.toArray(String[]::new));
            if (!known.isEmpty()) {
                changed.putAll(applyToSms(gateway, fresh.stream().filter(p -> known.contains(p.providerMessageId())).toList()));
            }
            sends.addAll(Settlement.lastOf(changed.values()));
            for (ReportStore.Pending p : fresh) {
                if (changed.containsKey(p.providerMessageId()) || known.contains(p.providerMessageId())) {
                    onSms.add(p);
                } else if (wasParked.contains(p.providerMessageId())) {
                    continue; // stays parked as it is
                } else if (wait.test(p)) {
                    waiting.add(p);
                } else {
                    unknown.add(p);
                }
            }
        }
        if (!unknown.isEmpty()) {
            parked.parkAll(unknown, false);
        }
        if (onSms.isEmpty()) {
            return;
        }
        Set<String> matched = DeliveryReports.reportToDispatch(dispatch, onSms);
        // Dispatch has no "sent" row for these (a lease taken over, a message cancelled meanwhile): the sweep
        // asks again until dispatch is final.
        List<ReportStore.Pending> owed = onSms.stream().filter(p -> !matched.contains(p.providerMessageId())).toList();
        if (!owed.isEmpty()) {
            parked.parkAll(owed, true);
        }
        String[] done = matched.stream().filter(wasParked::contains).toArray(String[]::new);
        if (done.length > 0) {
            parked.dropPending(gateway, done);
        }
    }

    /** @return provider id → what changed, of each message the reports changed */
    private Map<String, SendStore.Applied> applyToSms(String gateway, List<ReportStore.Pending> reports) {
        return new HashMap<>(DeliveryReports.applyReports(store, gateway, reports));
    }
}
