package io.tidings.mail;

import io.tidings.dispatch.Channel;
import io.tidings.dispatch.QueuedMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.dispatch.Traffic;
import io.tidings.shared.InvalidInputException;
import io.tidings.threads.RecordRef;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatch channel {@code email}: reads each queued payload ({@link EmailPayload}), drops what must
 * not be sent (bounced, blocklisted, marketing without consent, header injection) as failed, builds and
 * DKIM-signs the rest, and sends the batch over pooled SMTP connections with failover. Per batch it asks
 * the database once for bounced addresses and once for the servers; per message only the contacts
 * module's blocklist (and consent, for marketing).
 */
@Component
class EmailChannel implements Channel {

    static final String NAME = "email";
    /** Without any server mail waits; an operator adding one should not wait long for it to leave. */
    static final Duration NO_SERVER_RETRY = Duration.ofMinutes(2);

    private final RecipientRules rules;
    private final MessageComposer composer;
    private final ThreadHeaders threadHeaders;
    private final DkimSigning dkim;
    private final MailTokens tokens;
    private final SmtpServers servers;
    private final SmtpPool pool;

    EmailChannel(RecipientRules rules, MessageComposer composer, ThreadHeaders threadHeaders, DkimSigning dkim,
                 MailTokens tokens, SmtpServers servers, SmtpPool pool) {
        this.rules = rules;
        this.composer = composer;
        this.threadHeaders = threadHeaders;
        this.dkim = dkim;
        this.tokens = tokens;
        this.servers = servers;
        this.pool = pool;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Item(QueuedMessage queued, EmailPayload payload, String to, boolean marketing) {
    }

    private record Ready(QueuedMessage queued, SMTPMessage message, InternetAddress recipient) {
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
        RecipientRules.BatchFacts facts = rules.facts(items.stream().map(i -> normal(i.to())).distinct().toList());
        Optional<DkimSigner> signer = dkim.signer();
        Map<String, ThreadHeaders.Chain> chains = new HashMap<>();
        List<Ready> ready = new ArrayList<>(items.size());
        for (Item i : items) {
            String refusal = rules.refusal(new RecipientRule.Recipient(normal(i.to()), i.marketing(), i.payload().contactId()), facts);
            if (refusal != null) {
                results.add(SendResult.failed(i.queued(), refusal));
                continue;
            }
            try {
                ready.add(build(i, signer, chains));
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
        try (SmtpBatch smtp = new SmtpBatch(pool, order)) {
            for (Ready r : ready) {
                if (Thread.currentThread().isInterrupted()) {
                    // abandoned by the worker: leave the rest without a result, so they are retried
                    break;
                }
                results.add(switch (smtp.send(r.message(), r.recipient())) {
                    // the VERP address names this message and nothing else: bounces find it by it
                    case SmtpBatch.Outcome.Sent s -> SendResult.sent(r.queued(), tokens.bounceAddress(r.queued().id()));
                    case SmtpBatch.Outcome.Refused f when f.permanent() -> SendResult.failed(r.queued(), f.reason());
                    case SmtpBatch.Outcome.Refused f -> SendResult.retry(r.queued(), f.reason());
                    case SmtpBatch.Outcome.Unreachable u -> SendResult.retry(r.queued(), u.reason());
                });
            }
        }
        return results;
    }

    private Ready build(Item i, Optional<DkimSigner> signer, Map<String, ThreadHeaders.Chain> chains)
            throws MessageComposer.Unsendable {
        EmailPayload p = i.payload();
        RecordRef record = record(p.record());
        ThreadHeaders.Chain chain = ThreadHeaders.Chain.NONE;
        if (record != null && p.messageId() != null && (p.inReplyTo() == null || p.references() == null)) {
            // every recipient of one thread message shares its chain: look it up once per batch
            chain = chains.computeIfAbsent(p.messageId(), threadHeaders::of);
        }
        boolean listUnsubscribe = p.unsubscribe() != null ? p.unsubscribe() : i.marketing();
        SMTPMessage message = composer.compose(new MessageComposer.Draft(i.to(), p, record, chain, listUnsubscribe));
        try {
            SMTPMessage out = signer.isPresent() ? new DkimMessage(message, signer.get()) : message;
            out.setEnvelopeFrom(tokens.bounceAddress(i.queued().id()));
            return new Ready(i.queued(), out, new InternetAddress(i.to()));
        } catch (MessagingException e) {
            throw new MessageComposer.Unsendable("the message could not be signed: " + e.getMessage());
        }
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
