package io.tidings.sms.smpp;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.SmsEventSink;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the SMSC sends us as deliver_sm: receipts (esm_class message type 0x04, or 0x20 for intermediate
 * notifications) go through {@link ReceiptParser} and {@link PartReceipts} to {@link SmsEventSink#delivery}; the rest
 * are messages from phones, reassembled when concatenated, to {@link SmsEventSink#inbound}.
 *
 * <p>Failures are answered so the SMSC does the right thing: when the sink throws, deliver_sm_resp carries
 * ESME_RX_T_APPN, a temporary error, and the SMSC delivers it again later; a receipt we cannot read is acknowledged
 * and logged, since sending it again would not make it readable. Nothing is thrown out of here otherwise.
 */
final class DeliverSmHandler implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmHandler.class);

    /** The sink refused an event; carried out of {@link PartReceipts} to be answered as a temporary error. */
    static final class SinkFailed extends RuntimeException {
        SinkFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private final String gateway;
    private final SmsEventSink sink;
    private final PartReceipts receipts;
    private final InboundAssembler assembler;
    private final Clock clock;

    DeliverSmHandler(String gateway, SmsEventSink sink, PartReceipts receipts, InboundAssembler assembler,
                     Clock clock) {
        this.gateway = gateway;
        this.sink = sink;
        this.receipts = receipts;
        this.assembler = assembler;
        this.clock = clock;
    }

    /** Hands reports to the sink, marking its failures so they become a temporary error for the SMSC. */
    static void deliver(SmsEventSink sink, DeliveryReport report) {
        try {
            sink.delivery(report);
        } catch (RuntimeException e) {
            throw new SinkFailed(e);
        }
    }

    static boolean isReceipt(byte esmClass) {
        int type = esmClass & 0x3C;
        return type == 0x04 || type == 0x20;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (isReceipt(deliverSm.getEsmClass())) {
                receipt(deliverSm);
            } else {
                inbound(deliverSm);
            }
        } catch (SinkFailed e) {
            log.warn("{}: event sink failed, asking the SMSC to deliver again later", gateway, e.getCause());
            throw new ProcessRequestException("event sink failed", SMPPConstant.STAT_ESME_RX_T_APPN);
        } catch (RuntimeException e) {
            log.error("{}: deliver_sm from {} could not be handled and is dropped", gateway,
                    deliverSm.getSourceAddr(), e);
        }
    }

    private void receipt(DeliverSm d) {
        byte[] body = body(d);
        // Receipt fields are ASCII by SMPP 3.4 appendix B whatever data_coding 0 means to this SMSC.
        String text = (d.getDataCoding() & 0xFF) == 0
                ? new String(body, StandardCharsets.ISO_8859_1)
                : UserData.text(d.getDataCoding(), body, 0, body.length);
        String tlvId = null;
        Integer tlvState = null;
        if (d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID) instanceof OptionalParameter.OctetString id) {
            tlvId = id.getValueAsString();
        }
        if (d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE) instanceof OptionalParameter.Byte state) {
            tlvState = state.getValue() & 0xFF;
        }
        ReceiptParser.Receipt receipt;
        try {
            receipt = ReceiptParser.parse(text, tlvId, tlvState);
        } catch (ReceiptParser.MalformedReceiptException e) {
            log.warn("{}: unreadable delivery receipt acknowledged and ignored: {}", gateway, e.getMessage());
            return;
        }
        receipts.receipt(receipt);
    }

    private void inbound(DeliverSm d) {
        UserData.Decoded decoded = UserData.decode(d.getDataCoding(), d.getEsmClass(), body(d));
        String from = Addresses.inbound(d.getSourceAddr(), d.getSourceAddrTon());
        String to = Addresses.inbound(d.getDestAddress(), d.getDestAddrTon());
        Optional<String> text = decoded.concat() == null
                ? Optional.of(decoded.text())
                : assembler.add(from, to, decoded.concat(), decoded.text());
        if (text.isEmpty()) {
            return;
        }
        // SMPP 3.4 gives an MO message no id of its own; this one only lets logs and the thread refer to it.
        InboundSms message = new InboundSms(gateway, "mo-" + UUID.randomUUID(), from, to, text.get(),
                clock.instant());
        try {
            sink.inbound(message);
        } catch (RuntimeException e) {
            throw new SinkFailed(e);
        }
    }

    /** short_message, or message_payload when the SMSC put the text there instead. */
    private static byte[] body(DeliverSm d) {
        byte[] sm = d.getShortMessage();
        if (sm != null && sm.length > 0) {
            return sm;
        }
        if (d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString p) {
            return p.getValue();
        }
        return new byte[0];
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // Only sent for ms_availability of a set_dpf request, which Tidings never makes.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        // data_sm MO traffic is rare on SMPP 3.4 links; refused plainly so the SMSC falls back to deliver_sm.
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
