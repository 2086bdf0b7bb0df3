package io.tidings.sms.smpp;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SocketConnection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's baseline: a bare jsmpp client, no Tidings code in the way, doing the same work as the gateway (the
 * same texts, the same window of outstanding submit_sm, receipts requested and awaited) so that the ratio measures
 * what Tidings adds. It shares only the socket options (TCP_NODELAY), which are not code but a fair setup.
 */
final class RawBaseline {

    /** What one run did: submits answered OK, receipts received, and the time until the last receipt. */
    record Run(long accepted, long failed, long receipts, double seconds, boolean timedOut) {
    }

    private RawBaseline() {
    }

    static Run run(int port, List<String> texts, int window, long deadlineNanos) throws IOException,
            InterruptedException {
        AtomicLong receipts = new AtomicLong();
        SMPPSession session = new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender()),
                new DefaultPDUReader(), (host, p) -> {
                    Socket socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(host, p), 10_000);
                    return new SocketConnection(socket);
                });
        session.setPduProcessorDegree(3);
        session.setQueueCapacity(Math.max(1_000, window * 8));
        session.setMessageReceiverListener(new Counting(receipts));
        session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "baseline", "secret", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        RegisteredDelivery receipt = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
        long start = System.nanoTime();
        // The plainest client with a window of W: W threads, each submitting and waiting for its answer in turn.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < window; w++) {
                threads.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < texts.size() && System.nanoTime() < deadlineNanos) {
                        String text = texts.get(i);
                        boolean ascii = text.chars().allMatch(c -> c < 0x80 && c != '@' && c != '$' && c != '_');
                        byte[] body = text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
                        try {
                            session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                    "Bench", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                    "4179" + String.format("%07d", i % 10_000_000), new ESMClass(), (byte) 0,
                                    (byte) 0, null, null, receipt, (byte) 0,
                                    new RawDataCoding(ascii ? (byte) 0 : (byte) 8), (byte) 0, body);
                            accepted.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        while (receipts.get() < accepted.get() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean timedOut = receipts.get() < accepted.get() || accepted.get() + failed.get() < texts.size();
        SessionKeeper.unbind(session);
        return new Run(accepted.get(), failed.get(), receipts.get(), seconds, timedOut);
    }

    private record Counting(AtomicLong receipts) implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            if (deliverSm.isSmscDeliveryReceipt()) {
                receipts.incrementAndGet();
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
