package io.tidings.sms.smpp;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends one submit_sm inside the window and the rate cap, and says what came of it: an SMSC message id, or a failure
 * that is worth retrying (throttled, queue full, no answer, no session) or not (any other command_status).
 */
final class Submitter {

    sealed interface Outcome {
    }

    record Sent(String smscId) implements Outcome {
    }

    record Failed(boolean retry, boolean throttled, String code, String reason) implements Outcome {
    }

    private static final RegisteredDelivery RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);

    private final SmppConfig config;
    private final AdaptiveWindow window;
    private final Pacer pacer;

    Submitter(SmppConfig config, AdaptiveWindow window, Pacer pacer) {
        this.config = config;
        this.window = window;
        this.pacer = pacer;
    }

    Outcome send(SMPPSession session, Addresses.Address source, Addresses.Address destination,
                 MessageEncoder.Part part) {
        try {
            if (!window.acquire(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return new Failed(true, false, "window", "no free window slot within " + config.responseTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(true, false, "interrupted", "interrupted while waiting for the window");
        }
        boolean throttled = false;
        try {
            pacer.await();
            String id = session.submitShortMessage("", source.ton(), source.npi(), source.value(),
                    destination.ton(), destination.npi(), destination.value(), new ESMClass(part.esmClass()),
                    (byte) 0, (byte) 0, null, null, RECEIPT, (byte) 0, new RawDataCoding(part.dataCoding()), (byte) 0,
                    part.shortMessage(), part.tlvs()).getMessageId();
            return new Sent(id);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            throttled = CommandStatus.isThrottle(status);
            return new Failed(throttled, throttled, CommandStatus.code(status), CommandStatus.name(status));
        } catch (ResponseTimeoutException e) {
            // The SMSC may have taken it; retrying risks a duplicate, not retrying risks a loss. Durable queues retry.
            return new Failed(true, false, "timeout", "no submit_sm_resp within " + config.responseTimeout()
                    + "; the SMSC may have taken the message");
        } catch (PDUException e) {
            return new Failed(false, false, "invalid-pdu", e.getMessage());
        } catch (InvalidResponseException e) {
            return new Failed(true, false, "invalid-response", e.getMessage());
        } catch (IOException e) {
            return new Failed(true, false, "unbound", e.getMessage());
        } finally {
            window.release(throttled);
        }
    }
}
