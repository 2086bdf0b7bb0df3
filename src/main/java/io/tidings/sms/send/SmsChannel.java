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
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dispatch channel "sms": submits each claimed batch through the provider it was routed to, and
 * when that provider errs (Retry, an exception, down) fails the affected messages over to the next
 * cheapest provider of their route, at once, recording the switch.
 */
@Component
class SmsChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final SendStore store;
    private final SmsProvidersApi providers;
    private final Router router;
    private final SubmitOutcomes outcomes;

    SmsChannel(SendStore store, SmsProvidersApi providers, Router router, SubmitOutcomes outcomes) {
        this.store = store;
        this.providers = providers;
        this.router = router;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return SmsSends.CHANNEL;
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
        try {
            SmsGateway gateway = providers.gateway(providerId);
            if (!gateway.up()) {
                throw new IllegalStateException("provider " + providerId + " is down");
            }
            String from = router.fromOf(providerId);
            List<OutboundSms> out = work.stream().map(w -> new OutboundSms(w.row().id(), w.row().to(), from,
                    w.row().text(), w.row().smart())).toList();
            Map<Long, SmsSubmitResult> answers = new HashMap<>();
            gateway.submit(out).forEach(r -> answers.put(r.messageId(), r));
            List<Work> accepted = new ArrayList<>();
            List<SmsSubmitResult.Accepted> acceptances = new ArrayList<>();
            for (Work w : work) {
                SmsSubmitResult r = answers.get(w.row().id());
                switch (r) {
                    case SmsSubmitResult.Accepted a -> {
                        accepted.add(w);
                        acceptances.add(a);
                    }
                    case SmsSubmitResult.Rejected x -> results.add(outcomes.rejected(w, x));
                    case SmsSubmitResult.Retry x -> {
                        retries.put(w, x);
                        failover.add(w);
                    }
                    case null -> failover.add(w);
                }
            }
            results.addAll(outcomes.accepted(providerId, gateway.name(), accepted, acceptances));
        } catch (RuntimeException e) {
            log.info("SMS provider {} failed a batch of {}: {}", providerId, work.size(), e.toString());
            failover.addAll(work.stream().filter(w -> results.stream().noneMatch(r -> r.messageId() == w.queued().id())).toList());
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

    static Long smsId(String payload) {
        try {
            JsonNode n = JSON.readTree(payload).get("smsMessageId");
            return n == null || !n.isNumber() ? null : n.asLong();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
