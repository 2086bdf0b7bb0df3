package io.tidings.sms.providers;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.SmsEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink used until the SMS core provides the real one (recording receipts, opt-outs, settling credits):
 * it only logs, so gateways and webhooks work end to end today. Registered by {@link SinkFallbackConfig}.
 */
class LoggingSmsEventSink implements SmsEventSink {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsEventSink.class);

    @Override
    public void delivery(DeliveryReport report) {
        log.info("SMS delivery report (not recorded: no SMS event sink yet): {}", report);
    }

    @Override
    public void inbound(InboundSms message) {
        // the text is a customer's private message: keep it out of the log
        log.info("Inbound SMS (not recorded: no SMS event sink yet) via {} id {} to {}",
                message.gateway(), message.providerMessageId(), message.to());
    }
}
