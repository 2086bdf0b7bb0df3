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
    private final String node;

    DispatchApi(DispatchStore store, DispatchSettings settings, DispatchConfig.NodeId node) {
        this.store = store;
        this.settings = settings;
        this.node = node.value();
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

    /**
     * A channel records that its provider accepted these messages of the batch it is still working on, so that a
     * delivery report arriving at once finds them "sent" (by provider id) instead of waiting for the batch to end.
     * Fenced like the worker's own write-back: only this node's lease on the claimed attempt matches, and the
     * worker's later result for the same attempt and provider id counts as already written. Call it in the
     * transaction that records the same fact on the channel's side.
     *
     * @return how many of them matched
     */
    public int markSent(List<QueuedMessage> messages, List<String> providerMessageIds) {
        if (messages.size() != providerMessageIds.size()) {
            throw new IllegalArgumentException("one provider message id per message");
        }
        if (messages.isEmpty()) {
            return 0;
        }
        long[] ids = new long[messages.size()];
        int[] attempts = new int[messages.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = messages.get(i).id();
            attempts[i] = messages.get(i).attempt();
        }
        return store.markSent(node, ids, attempts, providerMessageIds.toArray(String[]::new));
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
