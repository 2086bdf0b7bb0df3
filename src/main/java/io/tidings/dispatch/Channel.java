package io.tidings.dispatch;

import java.util.List;

/**
 * A way out of Tidings (an SMS gateway, a mail transport). Every Spring bean implementing this is
 * found at startup and gets {@link #loops()} worker loops per node (one unless it says otherwise).
 *
 * <p>{@link #send} gets a batch claimed under a lease and returns one {@link SendResult} per message
 * (matched by message id, in any order). A message left without a result is retried; an exception
 * retries the whole batch. A call that outlives the send timeout is abandoned: its messages go to
 * whichever node claims them after the lease, so a provider that supports idempotency keys should get
 * {@link QueuedMessage#idempotencyKey()} to drop the duplicate.
 */
public interface Channel {

    /** The name messages are enqueued under, such as {@code sms} or {@code email}; unique per node. */
    String name();

    List<SendResult> send(List<QueuedMessage> batch);

    /**
     * How many worker loops each node runs for this channel (at least 1). More than one lets a provider with a
     * window of outstanding requests (SMPP) stay busy with one batch while another loop writes results back and
     * claims the next; the loops claim side by side like separate nodes (SKIP LOCKED, fenced write-backs).
     */
    default int loops() {
        return 1;
    }
}
