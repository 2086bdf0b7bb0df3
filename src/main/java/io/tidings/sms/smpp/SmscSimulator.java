package io.tidings.sms.smpp;

import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An SMSC for tests and benchmarks, on 127.0.0.1 only: takes binds (any credentials), answers submit_sm with an id,
 * and after {@link Options#receiptDelay()} sends a delivery receipt (DELIVRD, or UNDELIV for
 * {@link Options#failureRatio()} of them). It can throttle (a share of submits, or above a rate), refuses
 * destinations that are no phone number, injects messages from phones, and records what it took so that tests and
 * the bench can tell duplicates and losses.
 *
 * <p>In process: {@code SmscSimulator.start(0, Options.defaults())} and {@link #close()}. As its own process:
 * {@link #main(String[])}, see {@link SimulatorConsole} for the arguments and the stdin commands.
 */
public final class SmscSimulator implements AutoCloseable {

    /**
     * @param receiptDelay           time from submit_sm_resp to the receipt
     * @param failureRatio           share of receipts that say UNDELIV (0..1)
     * @param throttleRatio          share of submit_sm answered ESME_RTHROTTLED (0..1)
     * @param throttleAbovePerSecond submits in a second beyond which the rest of that second is throttled; 0 never
     * @param autoReceipts           false: receipts only on {@link #deliverReceipts(String, String)}
     * @param receiptWindow          deliver_sm sent before their deliver_sm_resp came back (32)
     */
    public record Options(Duration receiptDelay, double failureRatio, double throttleRatio,
                          int throttleAbovePerSecond, boolean autoReceipts, int receiptWindow) {

        public Options {
            Objects.requireNonNull(receiptDelay, "receiptDelay");
            if (receiptWindow < 1) {
                throw new IllegalArgumentException("receiptWindow must be at least 1");
            }
        }

        /** Receipts 10 ms after the answer, all delivered, no throttling, 32 receipts out at a time. */
        public static Options defaults() {
            return new Options(Duration.ofMillis(10), 0, 0, 0, true, 32);
        }

        public Options withReceiptWindow(int window) {
            return new Options(receiptDelay, failureRatio, throttleRatio, throttleAbovePerSecond, autoReceipts, window);
        }

        public Options withReceiptDelay(Duration delay) {
            return new Options(delay, failureRatio, throttleRatio, throttleAbovePerSecond, autoReceipts, receiptWindow);
        }

        public Options withFailureRatio(double ratio) {
            return new Options(receiptDelay, ratio, throttleRatio, throttleAbovePerSecond, autoReceipts, receiptWindow);
        }

        public Options withThrottleRatio(double ratio) {
            return new Options(receiptDelay, failureRatio, ratio, throttleAbovePerSecond, autoReceipts, receiptWindow);
        }

        public Options withThrottleAbovePerSecond(int perSecond) {
            return new Options(receiptDelay, failureRatio, throttleRatio, perSecond, autoReceipts, receiptWindow);
        }

        public Options withAutoReceipts(boolean auto) {
            return new Options(receiptDelay, failureRatio, throttleRatio, throttleAbovePerSecond, auto, receiptWindow);
        }
    }

    /** A whole message as the SMSC took it: addresses in E.164 when international, parts reassembled. */
    public record Received(String from, String to, String text, int parts, List<String> smscIds) {
    }

    /**
     * @param submits      submit_sm accepted (parts, not messages)
     * @param messages     whole messages reassembled from them
     * @param distinct     different texts among them
     * @param duplicates   messages whose text had already been received
     * @param receiptsSent receipts the ESME acknowledged
     */
    public record Stats(long submits, long messages, long distinct, long duplicates, long throttled, long rejected,
                        long receiptsSent, long receiptsPending, long receiptsDropped) {

        public String toJson() {
            return "{\"submits\":" + submits + ",\"messages\":" + messages + ",\"distinct\":" + distinct
                    + ",\"duplicates\":" + duplicates + ",\"throttled\":" + throttled + ",\"rejected\":" + rejected
                    + ",\"receipts_sent\":" + receiptsSent + ",\"receipts_pending\":" + receiptsPending
                    + ",\"receipts_dropped\":" + receiptsDropped + "}";
        }
    }

    private volatile Options options;
    private final SimulatorLedger ledger = new SimulatorLedger();
    private final ReceiptSender receipts;
    private final SimulatedSubmits submits;
    private final SimulatorSessions sessions;

    private SmscSimulator(int port, Options options) throws IOException {
        this.options = options;
        this.sessions = new SimulatorSessions();
        this.receipts = new ReceiptSender(sessions::preferring, options.receiptWindow());
        this.submits = new SimulatedSubmits(this, ledger, receipts);
        sessions.listen(port, submits);
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port, see {@link #port()}). */
    public static SmscSimulator start(int port, Options options) throws IOException {
        JsmppLogging.quiet();
        return new SmscSimulator(port, options);
    }

    public int port() {
        return sessions.port();
    }

    public Options options() {
        return options;
    }

    /** Changes behaviour on the fly, e.g. to start or stop throttling. */
    public void options(Options newOptions) {
        this.options = Objects.requireNonNull(newOptions);
    }

    /** Sessions currently bound. */
    public int boundSessions() {
        return sessions.bound();
    }

    public List<Received> received() {
        return ledger.received();
    }

    public Stats stats() {
        return new Stats(ledger.submits(), ledger.messages(), ledger.distinctTexts(), ledger.duplicates(),
                submits.throttled(), submits.rejected(), receipts.sent(), receipts.pending(), receipts.dropped());
    }

    /** Forgets what was received and counted; bindings stay. */
    public void reset() {
        ledger.reset();
        submits.reset();
        receipts.clear();
    }

    /**
     * Queues a receipt with {@code stat} (DELIVRD, UNDELIV, EXPIRED, …) for every part of the message that
     * {@code smscId} (any of its parts' ids) belongs to.
     *
     * @return false when no received message has that id
     */
    public boolean deliverReceipts(String smscId, String stat) {
        Received message = ledger.message(smscId);
        if (message == null) {
            return false;
        }
        for (String id : message.smscIds()) {
            deliverPartReceipt(message, id, stat);
        }
        return true;
    }

    /** Queues a receipt with {@code stat} for the one part {@code smscId}; false when no part has that id. */
    public boolean deliverPartReceipt(String smscId, String stat) {
        Received message = ledger.message(smscId);
        if (message == null) {
            return false;
        }
        deliverPartReceipt(message, smscId, stat);
        return true;
    }

    private void deliverPartReceipt(Received message, String smscId, String stat) {
        String err = stat.equals("DELIVRD") ? "000" : "001";
        receipts.schedule(smscId, digits(message.to()), digits(message.from()), stat, err, "", null, 0);
    }

    /**
     * Sends a message from a phone to the newest bound ESME, as UDH parts when it does not fit one SMS, and returns
     * once every part was acknowledged.
     *
     * @throws IOException when no ESME is bound or it refused a part
     */
    public void injectInbound(String from, String to, String text) throws IOException {
        SMPPServerSession session = sessions.preferring(null);
        if (session == null) {
            throw new IOException("no ESME is bound to the simulator");
        }
        Addresses.Address source = Addresses.destination(from); // "+digits" goes as TON international
        Addresses.Address destination = Addresses.destination(to);
        MessageEncoder.Encoded encoded = new MessageEncoder(false).encode(text, (int) (System.nanoTime() & 0xFF));
        for (MessageEncoder.Part part : encoded.parts()) {
            try {
                session.deliverShortMessage("", source.ton(), source.npi(), source.value(), destination.ton(),
                        destination.npi(), destination.value(), new ESMClass(part.esmClass()), (byte) 0, (byte) 0,
                        new RegisteredDelivery(0), new RawDataCoding(part.dataCoding()), part.shortMessage(),
                        OptionalParameters.EMPTY_OPTIONAL_PARAMETERS);
            } catch (Exception e) {
                throw new IOException("the ESME did not take the message: " + e, e);
            }
        }
    }

    /** Stops listening and drops every session at once, as a crashed SMSC would. */
    @Override
    public void close() {
        sessions.close();
        receipts.close();
    }

    private static String digits(String address) {
        return address.startsWith("+") ? address.substring(1) : address;
    }

    /** Runs the simulator as its own process; prints {@code READY port=N}, then serves stdin commands. */
    public static void main(String[] args) throws IOException {
        System.exit(SimulatorConsole.run(args, System.in, System.out));
    }
}
