package io.tidings.sms.smpp;

import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's listening socket and its bound sessions. jsmpp's own server socket factory listens on every
 * interface and cannot tell which port 0 became, so this one binds 127.0.0.1 and keeps the socket.
 */
final class SimulatorSessions implements AutoCloseable {

    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private ServerSocket socket;
    private SMPPServerSessionListener listener;
    private Thread acceptor;
    private volatile boolean closed;

    void listen(int port, SimulatedSubmits submits) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true); // a restarted simulator takes its old port back at once
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        this.socket = server;
        listener = new SMPPServerSessionListener(port, new LoopbackFactory(server));
        listener.setPduProcessorDegree(3);
        listener.setQueueCapacity(10_000); // wider than any client window, so the simulator never throttles by accident
        listener.setMessageReceiverListener(submits);
        listener.setResponseDeliveryListener(submits);
        acceptor = Thread.ofPlatform().daemon().name("smsc-accept-" + server.getLocalPort()).start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    int bound() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** The bound session with this id, else the newest bound one, else null. */
    SMPPServerSession preferring(String sessionId) {
        SMPPServerSession newest = null;
        for (SMPPServerSession s : sessions) {
            if (s.getSessionState().isReceivable()) {
                if (s.getSessionId().equals(sessionId)) {
                    return s;
                }
                newest = s;
            }
        }
        return newest;
    }

    private void accept() {
        while (!closed) {
            SMPPServerSession session;
            try {
                session = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Thread.ofVirtual().start(() -> bind(session));
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            session.setTransactionTimer(10_000);
            BindRequest request = session.waitForBind(5_000);
            session.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED) {
                    sessions.remove(session);
                }
            });
            sessions.add(session);
            request.accept("tidings-sim", InterfaceVersion.IF_34);
        } catch (Exception e) {
            sessions.remove(session);
            session.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
        if (acceptor != null) {
            acceptor.interrupt();
        }
    }

    private record LoopbackFactory(ServerSocket server) implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) {
            return new ServerConnection() {
                @Override
                public Connection accept() throws IOException {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    return new SocketConnection(s);
                }

                @Override
                public void setSoTimeout(int timeout) throws IOException {
                    server.setSoTimeout(timeout);
                }

                @Override
                public int getSoTimeout() throws IOException {
                    return server.getSoTimeout();
                }

                @Override
                public void close() throws IOException {
                    server.close();
                }
            };
        }

        @Override
        public ServerConnection listen(int port, int timeout) {
            return listen(port);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) {
            return listen(port);
        }
    }
}
