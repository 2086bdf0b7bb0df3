package io.tidings.sms.smpp;

import io.tidings.sms.OutboundSms;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsSubmitResult;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An SMSC reached over SMPP 3.4 (jsmpp), bound as transceiver: submit_sm goes out, receipts and phone replies come
 * back on the same session and go to the {@link SmsEventSink}.
 *
 * <p>Every message of a batch is submitted on its own virtual thread, so up to the window's worth of submit_sm are
 * outstanding at once ({@link AdaptiveWindow}), paced by the agreed rate ({@link Pacer}). A concatenated message is
 * reported under its first part's id with {@code segments} parts; its delivery report comes when every part is
 * delivered, or when one fails ({@link PartReceipts}).
 *
 * <p>Throttling (ESME_RTHROTTLED, ESME_RMSGQFUL), a missing answer and a lost session give {@link SmsSubmitResult.Retry}
 * for the durable queue to try again; any other command_status gives {@link SmsSubmitResult.Rejected} with the status
 * as code, e.g. {@code 0x0000000B} with reason {@code ESME_RINVDSTADR}.
 */
public final class SmppGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);

    /** What the SMSC is told to wait when it throttled us: about the time the halved window takes to drain. */
    private static final Duration THROTTLE_PAUSE = Duration.ofSeconds(1);
    /** Tries per part after the first of a concatenated message, since its earlier parts are already out. */
    private static final int PART_TRIES = 4;

    private final SmppConfig config;
    private final MessageEncoder encoder;
    private final Submitter submitter;
    private final PartReceipts receipts;
    private final SessionKeeper keeper;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger reference = new AtomicInteger();

    private SmppGateway(SmppConfig config, SmsEventSink sink, Clock clock) {
        this.config = config;
        String name = config.gatewayName();
        this.encoder = new MessageEncoder(config.usePayload());
        this.submitter = new Submitter(config, new AdaptiveWindow(config.windowSize(), 100_000_000L),
                new Pacer(config.maxPerSecond()));
        this.receipts = new PartReceipts(name, report -> DeliverSmHandler.deliver(sink, report), clock,
                Duration.ofSeconds(2), Duration.ofDays(3));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-keeper");
            t.setDaemon(true);
            return t;
        });
        DeliverSmHandler handler = new DeliverSmHandler(name, sink, receipts,
                new InboundAssembler(clock, Duration.ofMinutes(10), 10_000), clock);
        this.keeper = new SessionKeeper(config, handler, scheduler);
    }

    /** Creates the gateway and starts binding in the background; {@link #up()} turns true once bound. */
    public static SmppGateway start(SmppConfig config, SmsEventSink sink) {
        SmppGateway gateway = new SmppGateway(config, sink, Clock.systemUTC());
        gateway.scheduler.scheduleWithFixedDelay(gateway::sweep, 500, 500, TimeUnit.MILLISECONDS);
        gateway.keeper.start();
        return gateway;
    }

    @Override
    public String name() {
        return config.gatewayName();
    }

    @Override
    public boolean up() {
        return keeper.session() != null;
    }

    /** Waits until bound; false when the timeout passed first. */
    public boolean awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!up()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public List<SmsSubmitResult> submit(List<OutboundSms> batch) {
        return submit(batch, r -> {
        });
    }

    /** {@code each} runs on the message's own sender thread right after its submit_sm_resp (or failure). */
    @Override
    public List<SmsSubmitResult> submit(List<OutboundSms> batch, Consumer<SmsSubmitResult> each) {
        List<Future<SmsSubmitResult>> futures = new ArrayList<>(batch.size());
        for (OutboundSms sms : batch) {
            try {
                futures.add(senders.submit(() -> tell(each, submitOne(sms))));
            } catch (RejectedExecutionException e) { // closed: the queue keeps the message for another gateway
                futures.add(CompletableFuture.completedFuture(new SmsSubmitResult.Retry(sms.messageId(), "closed",
                        name() + " is closed", null)));
            }
        }
        List<SmsSubmitResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            results.add(result(batch.get(i), futures.get(i)));
        }
        return results;
    }

    private SmsSubmitResult tell(Consumer<SmsSubmitResult> each, SmsSubmitResult result) {
        try {
            each.accept(result);
        } catch (RuntimeException e) {
            log.warn("{}: the listener of a submit result failed; the result still comes back in the batch", name(), e);
        }
        return result;
    }

    private static SmsSubmitResult result(OutboundSms sms, Future<SmsSubmitResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SmsSubmitResult.Retry(sms.messageId(), "interrupted", "interrupted while submitting", null);
        } catch (ExecutionException e) {
            return new SmsSubmitResult.Retry(sms.messageId(), "internal", String.valueOf(e.getCause()), null);
        }
    }

    private SmsSubmitResult submitOne(OutboundSms sms) {
        long id = sms.messageId();
        SMPPSession session = keeper.session();
        if (session == null) {
            return new SmsSubmitResult.Retry(id, "unbound", name() + " is not bound to its SMSC", null);
        }
        String text = sms.smartEncoding() ? SmsCounter.smartReplace(sms.text()) : sms.text();
        MessageEncoder.Encoded encoded;
        try {
            encoded = encoder.encode(text, reference.getAndIncrement() & 0xFF);
        } catch (IllegalArgumentException e) {
            return new SmsSubmitResult.Rejected(id, "too-long", e.getMessage(), false);
        }
        Addresses.Address source = Addresses.source(sms.from(), config);
        Addresses.Address destination = Addresses.destination(sms.to());
        List<MessageEncoder.Part> parts = encoded.parts();
        if (parts.size() == 1) {
            return switch (submitter.send(session, source, destination, parts.getFirst())) {
                case Submitter.Sent sent -> new SmsSubmitResult.Accepted(id, sent.smscId(), encoded.segments());
                case Submitter.Failed failed -> failure(id, failed, "");
            };
        }
        PartReceipts.Group group = receipts.open(parts.size());
        boolean all = false;
        try {
            String first = null;
            for (int i = 0; i < parts.size(); i++) {
                Submitter.Outcome outcome = i == 0
                        ? submitter.send(session, source, destination, parts.get(i))
                        : sendPatiently(session, source, destination, parts.get(i));
                if (outcome instanceof Submitter.Failed failed) {
                    String where = "part " + (i + 1) + " of " + parts.size() + ": ";
                    // Parts already sent cannot be recalled; a retry sends them again under a new reference.
                    return failure(id, failed, i == 0 ? where : where + "(parts 1-" + i + " already sent) ");
                }
                String smscId = ((Submitter.Sent) outcome).smscId();
                receipts.accepted(group, i, smscId);
                if (i == 0) {
                    first = smscId;
                }
            }
            all = true;
            return new SmsSubmitResult.Accepted(id, first, encoded.segments());
        } finally {
            receipts.close(group, all);
        }
    }

    /** A later part is worth waiting for when throttled, since giving up would leave the phone half a message. */
    private Submitter.Outcome sendPatiently(SMPPSession session, Addresses.Address source,
                                            Addresses.Address destination, MessageEncoder.Part part) {
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            Submitter.Outcome outcome = submitter.send(session, source, destination, part);
            if (!(outcome instanceof Submitter.Failed failed) || !failed.throttled() || attempt == PART_TRIES) {
                return outcome;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
            pause *= 2;
        }
    }

    private static SmsSubmitResult failure(long id, Submitter.Failed failed, String where) {
        if (failed.retry()) {
            return new SmsSubmitResult.Retry(id, failed.code(), where + failed.reason(),
                    failed.throttled() ? THROTTLE_PAUSE : null);
        }
        return new SmsSubmitResult.Rejected(id, failed.code(), where + failed.reason(), false);
    }

    private void sweep() {
        try {
            receipts.sweep();
        } catch (RuntimeException e) {
            log.warn("{}: receipt sweep failed", name(), e);
        }
    }

    @Override
    public void close() {
        keeper.close();
        scheduler.shutdownNow();
        senders.close();
    }
}
