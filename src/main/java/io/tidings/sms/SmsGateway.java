package io.tidings.sms;

import java.util.List;
import java.util.function.Consumer;

/**
 * One SMS provider behind the smallest surface the send path needs. Twilio, Vonage, SMPP and the
 * sandbox each implement it and pass the same contract test. Delivery reports and inbound messages
 * arrive later, asynchronously, through the {@link SmsEventSink} the gateway was given.
 */
public interface SmsGateway extends AutoCloseable {

    /** Stable name used in routing, rate cards and logs: "sandbox", "twilio", "vonage", "smpp:<id>". */
    String name();

    /** Submits a batch; one result per message, in the same order. Never throws for one bad message. */
    List<SmsSubmitResult> submit(List<OutboundSms> batch);

    /**
     * The same, telling {@code each} about every result as soon as it is known (on whatever thread learnt it), so
     * the caller can record an accepted message before the rest of the batch is answered and before its delivery
     * report arrives. Every result still comes back in the list. Gateways that answer a batch at once need not
     * override this.
     */
    default List<SmsSubmitResult> submit(List<OutboundSms> batch, Consumer<SmsSubmitResult> each) {
        List<SmsSubmitResult> results = submit(batch);
        results.forEach(each);
        return results;
    }

    /** Whether the gateway can take traffic now (bound, not circuit-broken). Routing skips it when not. */
    default boolean up() {
        return true;
    }

    @Override
    default void close() {
    }
}
