package io.tidings.sms.send;

import io.tidings.credits.CreditsApi;
import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.OutgoingMessage;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SendPreview;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsRate;
import io.tidings.sms.SmsReply;
import io.tidings.sms.SmsSendStatus;
import io.tidings.sms.inbound.InboundStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link SmsApi}: a send is its plan, a reservation of exactly the plan's credits, and queued messages. */
@Service
class SmsSends implements SmsApi {

    static final String CHANNEL = "sms";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final SendPlanner planner;
    private final SendStore store;
    private final CreditsApi credits;
    private final DispatchApi dispatch;
    private final RateCards rates;
    private final InboundStore inbound;
    private final Settlement settlement;
    private final TransactionTemplate tx;
    private final int chunk;

    SmsSends(SendPlanner planner, SendStore store, CreditsApi credits, DispatchApi dispatch, RateCards rates,
             InboundStore inbound, Settlement settlement, PlatformTransactionManager transactions,
             @Value("${tidings.sms.queue-chunk:2000}") int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("tidings.sms.queue-chunk must be at least 1");
        }
        this.chunk = chunk;
        this.settlement = settlement;
        this.planner = planner;
        this.store = store;
        this.credits = credits;
        this.dispatch = dispatch;
        this.rates = rates;
        this.inbound = inbound;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public SendPreview preview(SendRequest request) {
        return planner.plan(request, null).preview();
    }

    @Override
    public SendReceipt send(SendRequest request, String actor) {
        String sendId = UUID.randomUUID().toString();
        Plan plan = planner.plan(request, sendId);
        SendPreview p = plan.preview();
        if (plan.messages().isEmpty()) {
            throw new InvalidInputException("recipients", "None of the " + p.recipients()
                    + " recipients can receive this send: " + reasons(p.excluded()) + ".");
        }
        List<Planned> all = plan.messages();
        boolean chunked = all.size() > chunk;
        String traffic = request.traffic().key();
        tx.executeWithoutResult(s -> {
            store.insertSend(new SendStore.NewSend(sendId, CreditsApi.DEFAULT_ACCOUNT, traffic,
                    request.profile(), request.test(), actor == null ? "system" : actor, p.recipients(), p.eligible(),
                    p.held().size(), p.excluded().size(), p.credits(), costsJson(p), chunked ? "queuing" : "sending"));
            // Reserve before queueing: a short balance throws here and rolls the whole send back.
            credits.reserve(CreditsApi.DEFAULT_ACCOUNT, sendId, p.credits());
            queueChunk(sendId, traffic, request, all.subList(0, Math.min(chunk, all.size())));
        });
        if (chunked) {
            queueRest(sendId, traffic, request, all);
        }
        return new SendReceipt(sendId, p);
    }

    /**
     * The chunks after the first, each its own transaction, so dispatch sends the first while the next are written.
     * The send stays 'queuing' (never settled) until the last is in; if one fails, the send goes on with what was
     * queued, says so in its note, and settles on that (the credits of the rest come back).
     */
    private void queueRest(String sendId, String traffic, SendRequest request, List<Planned> all) {
        int done = chunk;
        try {
            for (; done < all.size(); done += chunk) {
                List<Planned> part = all.subList(done, Math.min(done + chunk, all.size()));
                tx.executeWithoutResult(s -> queueChunk(sendId, traffic, request, part));
            }
        } catch (RuntimeException e) {
            finishQueuing(sendId, "Queuing failed after " + done + " of " + all.size() + " messages: "
                    + e.getMessage() + "; the rest were not sent and are not charged.");
            throw e;
        }
        finishQueuing(sendId, null);
    }

    /** The send goes on as 'sending' and settles at once if every queued message is final already. */
    private void finishQueuing(String sendId, String note) {
        tx.executeWithoutResult(s -> {
            store.queuingDone(sendId, note);
            settlement.afterFinal(sendId);
        });
    }

    private void queueChunk(String sendId, String traffic, SendRequest request, List<Planned> part) {
        enqueue(sendId, traffic, request.smartEncoding(), part, request.test());
        store.queuedChunk(sendId, part.size());
    }

    /**
     * Queues one dispatch message per planned message and inserts the messages, in the caller's transaction: ids
     * first, so each row is written once with its dispatch id (three statements whatever the size).
     */
    void enqueue(String sendId, String traffic, boolean smart, List<Planned> messages, boolean test) {
        Long[] smsIds = store.newMessageIds(messages.size());
        List<OutgoingMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Planned m = messages.get(i);
            long id = smsIds[i];
            String payload = "{\"smsMessageId\":" + id + (test ? ",\"test\":true" : "") + "}";
            String key = (sendId == null ? "sms-" + id : sendId) + ":" + m.candidate().to();
            out.add(new OutgoingMessage(CHANNEL, String.valueOf(m.route().providerId()), m.candidate().to(), payload,
                    io.tidings.dispatch.Traffic.parse(traffic), key, 0, m.holdUntil()));
        }
        List<Long> dispatchIds = dispatch.enqueueAll(out);
        store.insertMessages(sendId, traffic, smart, test, messages, smsIds, dispatchIds.toArray(Long[]::new));
    }

    @Override
    public SmsSendStatus sendStatus(String sendId) {
        return store.send(sendId).orElseThrow(() -> new NotFoundException("There is no SMS send " + sendId + "."));
    }

    @Override
    public String sendState(String sendId) {
        return store.state(sendId).orElseThrow(() -> new NotFoundException("There is no SMS send " + sendId + "."));
    }

    @Override
    public List<SmsMessageLog> messages(String sendId, Long contactId) {
        return store.log(sendId == null || sendId.isBlank() ? null : sendId, contactId);
    }

    @Override
    public List<SmsReply> repliesFor(long contactId) {
        return inbound.repliesFor(contactId);
    }

    @Override
    public List<SmsRate> rates() {
        return rates.all();
    }

    @Override
    public SmsRate saveRate(SmsRate rate) {
        return rates.save(rate);
    }

    @Override
    public int importRates(String csv) {
        return rates.importCsv(csv);
    }

    @Override
    public String exportRatesCsv() {
        return rates.exportCsv();
    }

    private static String reasons(List<SendPreview.Excluded> excluded) {
        return excluded.stream().collect(Collectors.groupingBy(SendPreview.Excluded::reason, LinkedHashMap::new,
                        Collectors.counting())).entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + ")" : "")).collect(Collectors.joining(", "));
    }

    private static String costsJson(SendPreview p) {
        Map<String, Long> m = new LinkedHashMap<>();
        p.costs().forEach(c -> m.put(c.currency(), c.micros()));
        return JSON.writeValueAsString(m);
    }
}
