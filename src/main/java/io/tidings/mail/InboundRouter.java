package io.tidings.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Routes inbound mail: parses it and asks each {@link InboundRoute} in order; the first answer wins, none
 * means the catch-all. A route's work (thread message, new lead, bounce count) and the mail's route result
 * commit in one transaction; when a route fails, that rolls back and the mail goes to the catch-all with the
 * error, its raw bytes untouched. Mail from the MX is stored in that same transaction ({@link #receive});
 * mail fetched by IMAP is stored first and routed after ({@link #route}).
 */
@Component
class InboundRouter {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);

    private final InboundMailStore store;
    private final InboundParser parser;
    private final List<InboundRoute> routes;
    private final TransactionTemplate tx;

    InboundRouter(InboundMailStore store, InboundParser parser, List<InboundRoute> routes, TransactionTemplate tx) {
        this.store = store;
        this.parser = parser;
        this.routes = routes;
        this.tx = tx;
    }

    /**
     * Mail from the MX: parsed, routed and stored in one transaction (one commit), before the sender hears 250. When
     * routing fails, all of its work rolls back and the mail is stored in the catch-all with the error, in a second
     * transaction of one statement; when even that fails the exception reaches the caller, which answers 451.
     *
     * @return the stored mail's id
     */
    long receive(String remoteAddress, String helo, String envelopeFrom, List<String> envelopeTo, byte[] raw) {
        InboundMessage[] parsed = {null};
        try {
            InboundMessage mail = parser.parse(0, envelopeFrom, envelopeTo, raw); // before the transaction: CPU only
            parsed[0] = mail;
            return tx.execute(s -> {
                // a thread body cut short names the stored mail, so that one needs its id before routing
                Long id = InboundThreadPost.cut(mail) ? store.reserveId() : null;
                InboundMessage named = id == null ? mail : mail.withId(id);
                InboundRouting routing = decide(named);
                return store.insertRouted(id, "smtp", null, remoteAddress, helo, envelopeFrom, envelopeTo, raw, named, routing);
            });
        } catch (RuntimeException e) {
            InboundRouting failed = InboundRouting.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            long id = store.insertRouted(null, "smtp", null, remoteAddress, helo, envelopeFrom, envelopeTo, raw, parsed[0], failed);
            log.warn("inbound mail {} could not be routed; it stays in the catch-all", id, e);
            return id;
        }
    }

    /** Routes the mail if it is still pending; returns what happened, empty when another node has it or it was done. */
    Optional<InboundRouting> route(long id) {
        try {
            return tx.execute(s -> store.claim(id).map(this::routeClaimed));
        } catch (RuntimeException e) {
            log.warn("inbound mail {} could not be routed; it stays in the catch-all", id, e);
            InboundRouting failed = InboundRouting.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            tx.executeWithoutResult(s -> store.claim(id).ifPresent(raw -> store.routed(id, parseQuietly(raw), failed)));
            return Optional.of(failed);
        }
    }

    /** Mail left pending by a node that stopped between storing and routing it. */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
    void routeLeftovers() {
        for (int i = 0; i < 100; i++) {
            Optional<Long> next = tx.execute(s -> store.nextPending().map(InboundMailStore.Raw::id));
            if (next == null || next.isEmpty()) {
                return;
            }
            route(next.get());
        }
    }

    private InboundRouting routeClaimed(InboundMailStore.Raw raw) {
        InboundMessage mail = parser.parse(raw.id(), raw.envelopeFrom(), raw.envelopeTo(), raw.raw());
        InboundRouting result = decide(mail);
        store.routed(raw.id(), mail, result);
        return result;
    }

    /** The first route's answer, else the catch-all; a parsing problem is kept as the error either way. */
    private InboundRouting decide(InboundMessage mail) {
        InboundRouting result = null;
        for (InboundRoute r : routes) {
            Optional<InboundRouting> answer = r.route(mail);
            if (answer.isPresent()) {
                result = answer.get();
                break;
            }
        }
        if (result == null) {
            result = InboundRouting.catchall("no reply address, known thread or alias");
        }
        if (mail.problem() != null) {
            result = new InboundRouting(result.route(), result.detail(), mail.problem(), result.record(), result.threadMessageId());
        }
        return result;
    }

    private InboundMessage parseQuietly(InboundMailStore.Raw raw) {
        try {
            return parser.parse(raw.id(), raw.envelopeFrom(), raw.envelopeTo(), raw.raw());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
