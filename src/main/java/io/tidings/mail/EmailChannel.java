package io.tidings.mail;

import io.tidings.dispatch.Channel;
import io.tidings.dispatch.QueuedMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.dispatch.Traffic;
import io.tidings.shared.InvalidInputException;
import io.tidings.threads.RecordRef;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dispatch channel {@code email}: reads each queued payload ({@link EmailPayload}), drops what must
 * not be sent (bounced, blocklisted, marketing without consent, header injection) as failed, builds and
 * DKIM-signs the rest, and sends the batch over pooled SMTP connections with failover.
 *
 * <p>The database is asked per batch, set-based ({@link RecipientRules}: bounced, blocklist, consent; the
 * thread chain once per thread message; the servers once). A batch of at least {@link #MESSAGES_PER_LANE}
 * messages per connection is then sent in parallel lanes, up to {@code tidings.mail.smtp.pool-size} of
 * them, each on its own thread (the caller's is one) with its own pooled connection and DKIM signer: the lanes take the next
 * message from one shared counter, so each message is sent once and by one lane, signing uses every core
 * and one lane's SMTP round trips overlap another's signing.
 */
@Component
class EmailChannel implements Channel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
    static final String NAME = "email";
    /** Without any server mail waits; an operator adding one should not wait long for it to leave. */
    static final Duration NO_SERVER_RETRY = Duration.ofMinutes(2);
    /** A small batch stays on one connection: a lane is worth opening for this many messages or more. */
    static final int MESSAGES_PER_LANE = 32;
    /** Batches in flight per node (see {@link #loops()}). */
    static final int LOOPS = 2;

    private final RecipientRules rules;
    private final MessageComposer composer;
    private final ThreadHeaders threadHeaders;
    private final DkimSigning dkim;
    private final MailTokens tokens;
    private final SmtpServers servers;
    private final SmtpPool pool;
    private final SmtpSettings smtp;
    // Platform threads: a lane is CPU work (signing) between socket waits, and a virtual thread that blocks
    // in a class initialiser pins its carrier; with many lanes on two cores that once stalled every lane.
    private final ExecutorService laneThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("email-lane-", 1).daemon(true).factory());

    EmailChannel(RecipientRules rules, MessageComposer composer, ThreadHeaders threadHeaders, DkimSigning dkim,
                 MailTokens tokens, SmtpServers servers, SmtpPool pool, SmtpSettings smtp) {
        this.rules = rules;
        this.composer = composer;
        this.threadHeaders = threadHeaders;
        this.dkim = dkim;
        this.tokens = tokens;
        this.servers = servers;
        this.pool = pool;
        this.smtp = smtp;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Item(QueuedMessage queued, EmailPayload payload, String to, boolean marketing) {
    }

    /** Passed the rules; what is left to do needs no database: compose, sign, send. */
    private record Ready(QueuedMessage queued, MessageComposer.Draft draft) {
    }

    @Override
    public List<SendResult> send(List<QueuedMessage> batch) {
        List<SendResult> results = new ArrayList<>(batch.size());
        List<Item> items = new ArrayList<>(batch.size());
        for (QueuedMessage m : batch) {
            try {
                EmailPayload p = EmailPayload.parse(m.payload());
                String to = (p.to() != null && !p.to().isBlank() ? p.to() : m.recipient()).strip();
                items.add(new Item(m, p, to, m.traffic() == Traffic.MARKETING || p.isMarketing()));
            } catch (InvalidInputException e) {
                results.add(SendResult.failed(m, e.getMessage()));
            }
        }
        List<RecipientRule.Recipient> recipients = items.stream()
                .map(i -> new RecipientRule.Recipient(normal(i.to()), i.marketing(), i.payload().contactId())).toList();
        RecipientRules.BatchFacts facts = rules.facts(recipients);
        Map<String, ThreadHeaders.Chain> chains = new HashMap<>();
        List<Ready> ready = new ArrayList<>(items.size());
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            String refusal = rules.refusal(recipients.get(n), facts);
            if (refusal != null) {
                results.add(SendResult.failed(i.queued(), refusal));
                continue;
            }
            try {
                ready.add(new Ready(i.queued(), draft(i, chains)));
            } catch (MessageComposer.Unsendable e) {
                results.add(SendResult.failed(i.queued(), e.getMessage()));
            }
        }
        if (ready.isEmpty()) {
            return results;
        }
        List<SmtpTarget> order = servers.sendingOrder();
        pool.retainOnly(order);
        if (order.isEmpty()) {
            for (Ready r : ready) {
                results.add(SendResult.retryAfter(r.queued(), "no SMTP server is configured: set TIDINGS_SMTP_URL or add one under Settings → Mail servers", NO_SERVER_RETRY));
            }
            return results;
        }
        for (SendResult r : sendInLanes(ready, order)) {
            if (r != null) {
                results.add(r); // null: abandoned by the worker, so it is retried
            }
        }
        return results;
    }

    @Override
    public void destroy() {
        laneThreads.shutdownNow();
    }

    /** While one batch is written back and the next claimed, the other is sending. */
    @Override
    public int loops() {
        return LOOPS;
    }

    /** How many connections a batch of n goes over: the loops share the pool's connections. */
    int lanes(int n) {
        int perLoop = Math.max(1, (smtp.poolSize() + LOOPS - 1) / LOOPS);
        return Math.max(1, Math.min(perLoop, n / MESSAGES_PER_LANE));
    }

    private SendResult[] sendInLanes(List<Ready> ready, List<SmtpTarget> order) {
        Lanes lanes = new Lanes(ready, order);
        int count = lanes(ready.size());
        CountDownLatch done = new CountDownLatch(count - 1);
        for (int l = 1; l < count; l++) {
            laneThreads.execute(() -> {
                try {
                    Thread.interrupted(); // a stray interrupt from an earlier batch's stop; stop() also sets a flag
                    lanes.run();
                } catch (RuntimeException | Error e) {
                    // its current message gets no result and is retried; the other lanes take the rest
                    log.warn("an email sending lane failed", e);
                } finally {
                    Thread.interrupted(); // a pooled thread goes back clean
                    done.countDown();
                }
            });
        }
        try {
            lanes.run(); // the caller's thread is a lane too
        } catch (RuntimeException e) {
            log.warn("an email sending lane failed", e);
        }
        boolean interrupted = Thread.currentThread().isInterrupted();
        while (true) {
            if (interrupted) {
                lanes.stop(); // the worker gave up on the batch: the lanes stop before their next message
            }
            try {
                done.await(); // every lane has finished before the results go back, so none sends after
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return lanes.out;
    }

    /**
     * One batch's lanes: each takes the next message from the shared counter until none is left, over one
     * connection at a time with its own signer.
     */
    private final class Lanes {
        final List<Ready> ready;
        final List<SmtpTarget> order;
        final SendResult[] out;
        final AtomicInteger next = new AtomicInteger();
        final Set<Thread> running = ConcurrentHashMap.newKeySet();
        volatile boolean stopped;

        Lanes(List<Ready> ready, List<SmtpTarget> order) {
            this.ready = ready;
            this.order = order;
            this.out = new SendResult[ready.size()];
        }

        void stop() {
            stopped = true;
            running.forEach(Thread::interrupt);
        }

        void run() {
            Thread me = Thread.currentThread();
            running.add(me);
            try {
                DkimSigner signer = dkim.signer().orElse(null); // not thread-safe: one per lane
                try (SmtpBatch batch = new SmtpBatch(pool, order)) {
                    for (int i = next.getAndIncrement(); i < ready.size(); i = next.getAndIncrement()) {
                        if (stopped || me.isInterrupted()) {
                            return; // abandoned by the worker: the rest get no result, so they are retried
                        }
                        Ready r = ready.get(i);
                        try {
                            out[i] = send(r, signer, batch);
                        } catch (RuntimeException e) {
                            // a fault of ours, not the message's: this one is tried again, the rest carry on
                            log.warn("email {} could not be sent", r.queued().id(), e);
                            out[i] = SendResult.retry(r.queued(), "could not be sent: " + e);
                        }
                    }
                }
            } finally {
                running.remove(me);
            }
        }
    }

    private SendResult send(Ready r, DkimSigner signer, SmtpBatch batch) {
        QueuedMessage q = r.queued();
        // the VERP address names this message and nothing else: bounces find it by it
        String verp = tokens.bounceAddress(q.id());
        SMTPMessage message;
        InternetAddress recipient;
        try {
            message = composer.compose(r.draft(), signer);
            message.setEnvelopeFrom(verp);
            recipient = new InternetAddress(r.draft().to());
        } catch (MessageComposer.Unsendable e) {
            return SendResult.failed(q, e.getMessage());
        } catch (AddressException e) {
            return SendResult.failed(q, "'" + r.draft().to() + "' is not an email address: " + e.getMessage());
        }
        return switch (batch.send(message, recipient)) {
            case SmtpBatch.Outcome.Sent s -> SendResult.sent(q, verp);
            case SmtpBatch.Outcome.Refused f when f.permanent() -> SendResult.failed(q, f.reason());
            case SmtpBatch.Outcome.Refused f -> SendResult.retry(q, f.reason());
            case SmtpBatch.Outcome.Unreachable u -> SendResult.retry(q, u.reason());
        };
    }

    private MessageComposer.Draft draft(Item i, Map<String, ThreadHeaders.Chain> chains) throws MessageComposer.Unsendable {
        EmailPayload p = i.payload();
        RecordRef record = record(p.record());
        ThreadHeaders.Chain chain = ThreadHeaders.Chain.NONE;
        if (record != null && p.messageId() != null && (p.inReplyTo() == null || p.references() == null)) {
            // every recipient of one thread message shares its chain: look it up once per batch
            chain = chains.computeIfAbsent(p.messageId(), threadHeaders::of);
        }
        boolean listUnsubscribe = p.unsubscribe() != null ? p.unsubscribe() : i.marketing();
        return new MessageComposer.Draft(i.to(), p, record, chain, listUnsubscribe);
    }

    private static RecordRef record(String key) throws MessageComposer.Unsendable {
        if (key == null || key.isBlank()) {
            return null;
        }
        int slash = key.indexOf('/');
        try {
            return RecordRef.of(key.substring(0, Math.max(slash, 0)), Long.parseLong(key.substring(slash + 1)));
        } catch (RuntimeException e) {
            throw new MessageComposer.Unsendable("record '" + key + "' is not model/id such as lead/12");
        }
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
