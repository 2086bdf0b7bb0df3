package io.tidings.sms.smpp;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps one transceiver session bound: binds at start, and whenever the session closes (SMSC gone, enquire_link
 * unanswered, unbind) binds a fresh one after an exponential backoff. A jsmpp session cannot be reopened, so every
 * attempt is a new {@link SMPPSession}. Between a loss and the next bind {@link #session()} is null.
 */
final class SessionKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionKeeper.class);

    /** Small PDUs one at a time: without TCP_NODELAY Nagle and delayed ACKs would cap a window at a few dozen/s. */
    private static final ConnectionFactory NO_DELAY = (host, port) -> {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        return new SocketConnection(socket);
    };

    private final SmppConfig config;
    private final MessageReceiverListener listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final AtomicReference<SMPPSession> bound = new AtomicReference<>();
    private volatile boolean closed;

    SessionKeeper(SmppConfig config, MessageReceiverListener listener, ScheduledExecutorService scheduler) {
        this.config = config;
        this.listener = listener;
        this.scheduler = scheduler;
        this.backoff = new Backoff(config.reconnectInitial(), config.reconnectMax());
    }

    void start() {
        scheduler.execute(this::connect);
    }

    /** The bound session, or null while there is none. */
    SMPPSession session() {
        SMPPSession s = bound.get();
        return s != null && s.getSessionState().isBound() ? s : null;
    }

    private void connect() {
        if (closed) {
            return;
        }
        SMPPSession s = new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender()), new DefaultPDUReader(),
                NO_DELAY);
        // Answers to a full window and the receipts that follow arrive together; a short queue would make jsmpp
        // answer our own SMSC's deliver_sm with ESME_RTHROTTLED.
        // A receipt holds its thread until the journal committed it (the deliver_sm_resp goes out after that), and
        // submit_sm_resp waits behind them: more threads than a window of answers plus a batch of receipts keep the
        // answers to our submits flowing while receipts wait for their group commit.
        s.setPduProcessorDegree(Math.max(64, config.windowSize() + 32));
        s.setQueueCapacity(Math.max(1_000, config.windowSize() * 8));
        s.setTransactionTimer(config.responseTimeout().toMillis());
        s.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, config.enquireLinkInterval().toMillis()));
        s.setMessageReceiverListener(listener);
        s.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED) {
                lost(s);
            }
        });
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null), config.responseTimeout().toMillis());
        } catch (IOException | RuntimeException e) {
            s.close();
            retry("bind to " + config.host() + ":" + config.port() + " failed: " + e.getMessage());
            return;
        }
        bound.set(s);
        backoff.reset();
        log.info("{} bound as transceiver to {}:{}", config.gatewayName(), config.host(), config.port());
        if (closed) {
            unbind(s);
        } else if (!s.getSessionState().isBound()) {
            lost(s); // closed between the bind and here; the listener saw no session of ours then
        }
    }

    private void lost(SMPPSession s) {
        if (bound.compareAndSet(s, null) && !closed) {
            retry(config.gatewayName() + " lost its session");
        }
    }

    private void retry(String why) {
        if (closed) {
            return;
        }
        long delay = backoff.next().toMillis();
        log.warn("{}; binding again in {} ms", why, delay);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the gateway is closing
        }
    }

    /**
     * jsmpp can lose the unbind_resp when the SMSC closes the socket right after sending it (the reader sees the end
     * of the stream before the resp is processed), and would then wait the whole transaction timer: wait briefly.
     */
    static void unbind(SMPPSession s) {
        s.setTransactionTimer(500);
        s.unbindAndClose();
    }

    @Override
    public void close() {
        closed = true;
        SMPPSession s = bound.getAndSet(null);
        if (s != null) {
            unbind(s);
        }
    }
}
