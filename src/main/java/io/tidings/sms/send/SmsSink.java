package io.tidings.sms.send;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.inbound.InboundMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The real event sink (it replaces the logging fallback): delivery reports to {@link DeliveryReports},
 * inbound messages to the keyword policies. Inbound is looked up lazily because answering a keyword
 * sends an SMS, and the gateways that send it are built with this very sink.
 */
@Component
class SmsSink implements SmsEventSink {

    private final DeliveryReports reports;
    private final ObjectProvider<InboundMessages> inbound;

    SmsSink(DeliveryReports reports, ObjectProvider<InboundMessages> inbound) {
        this.reports = reports;
        this.inbound = inbound;
    }

    @Override
    public void delivery(DeliveryReport report) {
        reports.delivery(report);
    }

    @Override
    public void inbound(InboundSms message) {
        inbound.getObject().receive(message);
    }
}
