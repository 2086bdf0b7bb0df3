package io.tidings.sms;

/** Where gateways hand what providers send back: delivery reports and inbound messages. */
public interface SmsEventSink {

    void delivery(DeliveryReport report);

    void inbound(InboundSms message);
}
