package io.tidings.dispatch;

import io.tidings.shared.InvalidInputException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.sql.SQLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The dispatch module's one facade: put messages in the queue, follow them, feed delivery reports back. */
@Service
public class DispatchApi {

    private static final String INVALID_TEXT = "22P02";

    private final DispatchStore store;
    private final DispatchSettings settings;

    DispatchApi(DispatchStore store, DispatchSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Queues a message and returns its id; the same idempotency key again returns the same id. */
    public long enqueue(OutgoingMessage message) {
        int attempts = message.maxAttempts() == 0 ? settings.maxAttempts() : message.maxAttempts();
        return validPayload(() -> store.enqueue(message, attempts))
                .orElseThrow(() -> new IllegalStateException("message " + message.idempotencyKey() + " vanished while enqueueing"));
    }

    /** Queues many messages in one statement; ids come back in the order given. */
    public List<Long> enqueueAll(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(validPayload(() -> store.enqueueAll(messages, settings.maxAttempts())));
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                // A concurrent enqueue of the same key committed after this statement's snapshot.
                ids.set(i, enqueue(messages.get(i)));
            }
        }
        return ids;
    }

    /** Cancels a message that no worker holds; false once it is sending or done. */
    public boolean cancel(long id) {
        return store.cancel(id);
    }

    public Optional<DispatchedMessage> find(long id) {
        return store.find(id);
    }

    /** Every state the message went through, oldest first. */
    public List<DispatchEvent> history(long id) {
        return store.history(id);
    }

    /** A delivery report: the sent message with this provider id was delivered. Returns its id, if one matched. */
    public Optional<Long> markDelivered(String channel, String providerMessageId, String detail) {
        return store.report(channel, providerMessageId, MessageState.DELIVERED, detail);
    }

    /** A delivery report: the sent message with this provider id did not arrive. Returns its id, if one matched. */
    public Optional<Long> markFailed(String channel, String providerMessageId, String detail) {
        return store.report(channel, providerMessageId, MessageState.FAILED, detail);
    }

    /**
     * A bounce: the message with this id did not arrive after all. Only a sent (or already delivered)
     * message changes; returns whether it did.
     */
    public boolean markBounced(long id, String detail) {
        return store.bounced(id, detail);
    }

    /**
     * Many delivery reports in one statement: {@code delivered[i]} tells whether {@code providerMessageIds[i]} was
     * delivered (else it failed). Returns the provider ids that matched a sent message.
     */
    public java.util.Set<String> markReported(String channel, String[] providerMessageIds, boolean[] delivered, String[] details) {
        if (providerMessageIds.length == 0) {
            return java.util.Set.of();
        }
        String[] states = new String[providerMessageIds.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = (delivered[i] ? MessageState.DELIVERED : MessageState.FAILED).key();
        }
        return new java.util.HashSet<>(store.reportAll(channel, providerMessageIds, states, details));
    }

    /** How many messages are in each state, every state present (0 when none). */
    public Map<MessageState, Long> counts() {
        return store.counts(null);
    }

    public Map<MessageState, Long> counts(String channel) {
        return store.counts(channel);
    }

    /**
     * Caps a channel at {@code perSecond} messages across all nodes together, allowing short bursts of
     * up to {@code burst}. Stored in the database, so one call configures the whole cluster.
     */
    public void limitRate(String channel, double perSecond, int burst) {
        if (!(perSecond > 0) || burst < 1) {
            throw new InvalidInputException("perSecond", "a rate needs perSecond > 0 and burst >= 1");
        }
        store.setRate(channel, perSecond, burst);
    }

    public void removeRateLimit(String channel) {
        store.removeRate(channel);
    }

    /** PostgreSQL parses the payload as jsonb; its refusal is the caller's mistake, not a server error. */
    private static <T> T validPayload(Supplier<T> enqueue) {
        try {
            return enqueue.get();
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && INVALID_TEXT.equals(sql.getSQLState())) {
                throw new InvalidInputException("payload", "the payload is not valid JSON: " + sql.getMessage());
            }
            throw e;
        }
    }
}
