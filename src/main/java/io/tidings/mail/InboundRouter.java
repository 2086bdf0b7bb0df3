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
     * Mail from the MX: parsed, routed and stored in one transaction (one commit), before the sender hears 250.
     * Whether a copy was routed before ({@link InboundDuplicates}) is asked by the storing statement itself, which
     * saves that policy its round trip. When a copy was routed, or routing failed, the transaction rolls back and the
     * mail is routed again the plain way, duplicate check first. When that fails too, it is stored in the catch-all
     * with the error, in a transaction of one statement; when even that fails the exception reaches the caller,
     * which answers 451. So every mail is committed, routed or in the catch-all, before 250.
     *
     * @return the stored mail's id
     */
    long receive(String remoteAddress, String helo, String envelopeFrom, List<String> envelopeTo, byte[] raw) {
        InboundMessage mail = null;
        try {
            mail = parser.parse(0, envelopeFrom, envelopeTo, raw); // before the transaction: CPU only
            Long id;
            try {
                id = routeAndStore(mail, remoteAddress, helo, raw, true);
            } catch (RuntimeException e) {
                log.debug("inbound mail from {} failed its first routing; routing it again, duplicates first", remoteAddress, e);
                id = null;
            }
            return id != null ? id : routeAndStore(mail, remoteAddress, helo, raw, false);
        } catch (RuntimeException e) {
            InboundRouting failed = InboundRouting.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            long id = store.insertRouted(null, "smtp", null, remoteAddress, helo, envelopeFrom, envelopeTo, raw, mail, failed);
            log.warn("inbound mail {} could not be routed; it stays in the catch-all", id, e);
            return id;
        }
    }

    /** @param shortcut copies checked by the insert (null when there was one, all rolled back), else by the policy */
    private Long routeAndStore(InboundMessage mail, String remoteAddress, String helo, byte[] raw, boolean shortcut) {
        return tx.execute(s -> {
            InboundMessage named = named(mail);
            Optional<Long> stored = store.insertRouted(named.id() == 0 ? null : named.id(), "smtp", null, remoteAddress,
                    helo, mail.envelopeFrom(), mail.envelopeTo(), raw, named, decide(named, !shortcut), shortcut);
            if (stored.isEmpty()) {
                s.setRollbackOnly(); // a routed copy exists: undo what routing did
            }
            return stored.orElse(null);
        });
    }

    /** A thread body cut short names the stored mail, so such a mail needs its id before routing. */
    private InboundMessage named(InboundMessage mail) {
        return InboundThreadPost.cut(mail) ? mail.withId(store.reserveId()) : mail;
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
        InboundRouting result = decide(mail, true);
        store.routed(raw.id(), mail, result);
        return result;
    }

    /**
     * The first route's answer, else the catch-all; a parsing problem is kept as the error either way.
     *
     * @param copies false to leave out {@link InboundDuplicates}, when the storing statement asks its question
     */
    private InboundRouting decide(InboundMessage mail, boolean copies) {
        InboundRouting result = null;
        for (InboundRoute r : routes) {
            if (!copies && r instanceof InboundDuplicates) {
                continue;
            }
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
