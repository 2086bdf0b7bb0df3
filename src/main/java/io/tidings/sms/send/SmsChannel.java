package io.tidings.sms.send;

import io.tidings.dispatch.Channel;
import io.tidings.dispatch.QueuedMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsSubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dispatch channel "sms": submits each claimed batch through the provider it was routed to, and
 * when that provider errs (Retry, an exception, down) fails the affected messages over to the next
 * cheapest provider of their route, at once, recording the switch. Each accepted message is handed to the
 * {@link SendJournal} as soon as its provider answers (see {@link SmsGateway#submit(List, java.util.function.Consumer)}),
 * so its delivery report, which may follow within milliseconds, finds it; the batch returns once all are committed.
 */
@Component
class SmsChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration JOURNAL_WAIT = Duration.ofSeconds(60);

    private final SendStore store;
    private final SmsProvidersApi providers;
    private final Router router;
    private final SubmitOutcomes outcomes;
    private final int loops;

    SmsChannel(SendStore store, SmsProvidersApi providers, Router router, SubmitOutcomes outcomes,
               @Value("${tidings.sms.dispatch-loops:2}") int loops) {
        this.loops = loops;
        this.store = store;
        this.providers = providers;
        this.router = router;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return SmsSends.CHANNEL;
    }

    /** Two loops by default: one batch fills the SMPP window while the other is written back and the next claimed. */
    @Override
    public int loops() {
        return loops;
    }

    @Override
    public List<SendResult> send(List<QueuedMessage> batch) {
        List<SendResult> results = new ArrayList<>(batch.size());
        Map<Long, QueuedMessage> bySmsId = new HashMap<>();
        for (QueuedMessage m : batch) {
            Long smsId = smsId(m.payload());
            if (smsId == null) {
                results.add(SendResult.failed(m, "not an SMS of the send path (no smsMessageId)"));
            } else {
                bySmsId.put(smsId, m);
            }
        }
        Map<Long, List<Work>> byProvider = new LinkedHashMap<>();
        Set<Long> found = new HashSet<>();
        for (SendStore.Row row : store.rows(bySmsId.keySet().toArray(Long[]::new))) {
            found.add(row.id());
            QueuedMessage m = bySmsId.get(row.id());
            if (!row.state().equals("queued") && !row.state().equals("held")) {
                // already settled by an earlier attempt whose write-back was lost: answer what it was
                results.add(row.providerMessageId() != null ? SendResult.sent(m, row.providerMessageId())
                        : SendResult.failed(m, "message is " + row.state()));
                continue;
            }
            byProvider.computeIfAbsent(row.providerId(), k -> new ArrayList<>()).add(new Work(m, row, new HashSet<>()));
        }
        bySmsId.forEach((id, m) -> {
            if (!found.contains(id)) {
                results.add(SendResult.failed(m, "SMS message " + id + " does not exist"));
            }
        });
        byProvider.forEach((provider, work) -> results.addAll(submit(provider, work)));
        return results;
    }

    /** A message on its way, with the providers it already tried. */
    record Work(QueuedMessage queued, SendStore.Row row, Set<Long> tried) {
    }

    private List<SendResult> submit(long providerId, List<Work> work) {
        List<SendResult> results = new ArrayList<>();
        List<Work> failover = new ArrayList<>();
        // by identity: a Work's tried set grows below, which would change its record hash
        Map<Work, SmsSubmitResult.Retry> retries = new IdentityHashMap<>();
        Map<Long, Work> byId = new HashMap<>();
        work.forEach(w -> byId.put(w.row().id(), w));
        // Each accepted message goes to the journal the moment its provider answers, so its delivery report finds
        // it stored; the batch returns once every one of them is committed.
        Map<Long, Journaled> journaled = new ConcurrentHashMap<>();
        try {
            SmsGateway gateway = providers.gateway(providerId);
            if (!gateway.up()) {
                throw new IllegalStateException("provider " + providerId + " is down");
            }
            String name = gateway.name();
            String from = router.fromOf(providerId);
            List<OutboundSms> out = work.stream().map(w -> new OutboundSms(w.row().id(), w.row().to(), from,
                    w.row().text(), w.row().smart())).toList();
            Map<Long, SmsSubmitResult> answers = new HashMap<>();
            gateway.submit(out, r -> journal(providerId, name, byId, journaled, r)).forEach(r -> answers.put(r.messageId(), r));
            for (Work w : work) {
                SmsSubmitResult r = answers.get(w.row().id());
                switch (r) {
                    case SmsSubmitResult.Accepted a -> journal(providerId, name, byId, journaled, a);
                    case SmsSubmitResult.Rejected x -> results.add(outcomes.rejected(w, x));
                    case SmsSubmitResult.Retry x -> {
                        retries.put(w, x);
                        failover.add(w);
                    }
                    case null -> {
                        if (!journaled.containsKey(w.row().id())) {
                            failover.add(w);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            log.info("SMS provider {} failed a batch of {}: {}", providerId, work.size(), e.toString());
            failover.addAll(work.stream().filter(w -> !journaled.containsKey(w.row().id()))
                    .filter(w -> results.stream().noneMatch(r -> r.messageId() == w.queued().id())).toList());
        }
        for (Journaled j : journaled.values()) {
            results.add(j.result(outcomes));
        }
        Map<Long, List<Work>> next = new LinkedHashMap<>();
        for (Work w : failover) {
            w.tried().add(providerId);
            Optional<Route> other = router.routes(w.row().country(), w.row().traffic()).stream()
                    .filter(r -> !w.tried().contains(r.providerId())).findFirst();
            if (other.isPresent() && store.switchProvider(w.row().id(), other.get(),
                    "provider " + providerId + " failed; now via provider " + other.get().providerId())) {
                next.computeIfAbsent(other.get().providerId(), k -> new ArrayList<>()).add(w);
            } else {
                SmsSubmitResult.Retry r = retries.get(w);
                results.add(outcomes.retry(w, r == null ? "provider " + providerId + " failed" : r.code() + " " + r.reason(),
                        r == null ? null : r.retryAfter()));
            }
        }
        next.forEach((p, ws) -> results.addAll(submit(p, ws)));
        return results;
    }

    private void journal(long providerId, String gateway, Map<Long, Work> byId, Map<Long, Journaled> journaled,
                         SmsSubmitResult r) {
        if (r instanceof SmsSubmitResult.Accepted a && byId.containsKey(a.messageId())) {
            journaled.computeIfAbsent(a.messageId(), id -> new Journaled(byId.get(id), a,
                    outcomes.accepted(providerId, gateway, byId.get(id), a)));
        }
    }

    /** An accepted message on its way into the journal. */
    private record Journaled(Work work, SmsSubmitResult.Accepted accepted, CompletableFuture<Void> written) {

        /**
         * Sent once committed. When it could not be written the provider has it but we do not know that: dispatch
         * tries again (a possible duplicate, as after a crash) rather than leave it unrecorded.
         */
        SendResult result(SubmitOutcomes outcomes) {
            try {
                written.get(JOURNAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                return SendResult.sent(work.queued(), accepted.providerMessageId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendResult.retry(work.queued(), "interrupted while recording the accepted message");
            } catch (ExecutionException | TimeoutException e) {
                log.warn("could not record SMS {} as accepted ({}); dispatch will send it again", work.row().id(),
                        accepted.providerMessageId(), e);
                return SendResult.retry(work.queued(), "accepted as " + accepted.providerMessageId()
                        + " but not recorded: " + e);
            }
        }
    }

    static Long smsId(String payload) {
        try {
            JsonNode n = JSON.readTree(payload).get("smsMessageId");
            return n == null || !n.isNumber() ? null : n.asLong();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
