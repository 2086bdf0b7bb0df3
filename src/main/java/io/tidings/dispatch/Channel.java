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
     * How many batches of this channel one node works on at once, each claimed by its own loop (claims
     * skip each other's locked rows). More than one keeps the channel sending while a loop writes its
     * results back and claims the next batch; {@link #send} is then called concurrently.
     */
    default int loops() {
        return 1;
    }
}
