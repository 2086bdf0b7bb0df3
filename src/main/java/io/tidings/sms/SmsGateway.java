package io.tidings.sms;

import java.util.List;

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

    /** Whether the gateway can take traffic now (bound, not circuit-broken). Routing skips it when not. */
    default boolean up() {
        return true;
    }

    @Override
    default void close() {
    }
}
