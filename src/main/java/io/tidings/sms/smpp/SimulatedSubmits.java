package io.tidings.sms.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * How the simulated SMSC answers submit_sm: refuses what a real one would (a destination that is no phone number:
 * ESME_RINVDSTADR), throttles when told to (a share of submits, or above a rate), otherwise records the part and
 * answers with a fresh id. Its receipt is queued only once the submit_sm_resp is on the wire, so it can never
 * overtake the answer on the link.
 */
final class SimulatedSubmits implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final Pattern PHONE = Pattern.compile("[1-9][0-9]{5,14}");

    private record Due(String handset, String esme, String text) {
    }

    private final SmscSimulator simulator;
    private final SimulatorLedger ledger;
    private final ReceiptSender receipts;
    private final AtomicLong ids = new AtomicLong(0x5A00_0000L);
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong second = new AtomicLong();
    private final AtomicLong inSecond = new AtomicLong();
    private final Map<String, Due> awaitingResp = new ConcurrentHashMap<>();

    SimulatedSubmits(SmscSimulator simulator, SimulatorLedger ledger, ReceiptSender receipts) {
        this.simulator = simulator;
        this.ledger = ledger;
        this.receipts = receipts;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        if (shouldThrottle()) {
            throttled.incrementAndGet();
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        String destination = submit.getDestAddress();
        if (destination == null || !PHONE.matcher(destination).matches()) {
            rejected.incrementAndGet();
            throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
        }
        byte[] body = submit.getShortMessage();
        if ((body == null || body.length == 0)
                && submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD)
                instanceof OptionalParameter.OctetString payload) {
            body = payload.getValue();
        }
        UserData.Decoded decoded = UserData.decode(submit.getDataCoding(), submit.getEsmClass(), body);
        String id = Long.toHexString(ids.incrementAndGet());
        String from = Addresses.inbound(submit.getSourceAddr(), submit.getSourceAddrTon());
        String to = Addresses.inbound(destination, submit.getDestAddrTon());
        ledger.record(new SimulatorLedger.Part(id, from, to, decoded.concat(), decoded.text()));
        if (simulator.options().autoReceipts() && (submit.getRegisteredDelivery() & 0x03) != 0) {
            String text = decoded.text().length() > 20 ? decoded.text().substring(0, 20) : decoded.text();
            awaitingResp.put(id, new Due(destination, submit.getSourceAddr(), text));
        }
        try {
            return new SubmitSmResult(new MessageId(id), OptionalParameters.EMPTY_OPTIONAL_PARAMETERS);
        } catch (PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private boolean shouldThrottle() {
        SmscSimulator.Options options = simulator.options();
        if (options.throttleRatio() > 0 && ThreadLocalRandom.current().nextDouble() < options.throttleRatio()) {
            return true;
        }
        int cap = options.throttleAbovePerSecond();
        if (cap <= 0) {
            return false;
        }
        long now = System.nanoTime() / 1_000_000_000L;
        long current = second.get();
        if (now != current && second.compareAndSet(current, now)) {
            inSecond.set(0);
        }
        return inSecond.incrementAndGet() > cap;
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        Due due = awaitingResp.remove(result.getMessageId());
        if (due == null) {
            return;
        }
        SmscSimulator.Options options = simulator.options();
        boolean fail = options.failureRatio() > 0 && ThreadLocalRandom.current().nextDouble() < options.failureRatio();
        receipts.schedule(result.getMessageId(), due.handset(), due.esme(), fail ? "UNDELIV" : "DELIVRD",
                fail ? "001" : "000", due.text(), source.getSessionId(), options.receiptDelay().toNanos());
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
        awaitingResp.remove(result.getMessageId());
    }

    long throttled() {
        return throttled.get();
    }

    long rejected() {
        return rejected.get();
    }

    void reset() {
        throttled.set(0);
        rejected.set(0);
    }

    // Nothing below is offered by this simulator; each is refused as an SMSC would refuse an unsupported command.

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
