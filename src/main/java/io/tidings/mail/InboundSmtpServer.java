package io.tidings.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.server.SMTPServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The MX: subethasmtp listening on {@code tidings.mail.inbound.bind:port}, one (platform) thread per session.
 * No AUTH and no relaying: it only takes mail for our own domains ({@link InboundRecipients}). STARTTLS is
 * offered when a key store is configured; it is never required, as MX-to-MX TLS is opportunistic.
 */
@Component
class InboundSmtpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundSmtpServer.class);

    private final MailSettings settings;
    private final InboundSettings inbound;
    private final InboundRecipients recipients;
    private final InboundReceiver receiver;
    private final boolean workers;
    private SMTPServer server;
    private ExecutorService sessions;

    /** @param workers false in one-shot CLI commands, which must not take the MX port from a running server */
    InboundSmtpServer(MailSettings settings, InboundSettings inbound, InboundRecipients recipients, InboundReceiver receiver,
                      @Value("${tidings.workers.enabled:true}") boolean workers) {
        this.workers = workers;
        this.settings = settings;
        this.inbound = inbound;
        this.recipients = recipients;
        this.receiver = receiver;
    }

    @Override
    public synchronized void start() {
        if (!settings.inboundEnabled() || !workers || server != null) {
            return;
        }
        int maxSize = (int) Math.min(Integer.MAX_VALUE - 1, settings.maxMessageBytes());
        // Platform threads, not virtual ones: a session is a chain of blocking round trips (SMTP peer, then PostgreSQL),
        // and on a virtual thread each of them wakes a poller thread first and then a carrier; with few cores under
        // load those extra hand-offs cost more than the thread (measured: about half again the mail per second).
        // The server refuses sessions beyond max-connections, which bounds the pool; idle threads end after a minute.
        sessions = Executors.newCachedThreadPool(Thread.ofPlatform().name("mx-session-", 0).daemon(true).factory());
        try {
            SMTPServer.Builder builder = SMTPServer.port(settings.inboundPort())
                    .bindAddress(InetAddress.getByName(settings.inboundBind()))
                    .hostName(settings.domain())
                    .softwareName("Tidings")
                    .messageHandlerFactory(ctx -> new InboundSmtpSession(ctx, recipients, receiver, settings.maxMessageBytes(),
                            settings.domain()))
                    .insertReceivedHeaders(false) // InboundSmtpSession writes it, without a reverse DNS lookup
                    .maxMessageSize(maxSize)
                    .maxRecipients(inbound.maxRecipients())
                    .maxConnections(inbound.maxConnections())
                    .connectionTimeout((int) inbound.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .executorService(sessions);
            if (!inbound.tlsKeystore().isEmpty()) {
                SSLContext tls = tls(inbound.tlsKeystore(), inbound.tlsPassword());
                builder.enableTLS().startTlsSocketFactory(socket -> startTls(tls, socket));
            }
            server = builder.build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("tidings.mail.inbound.bind: unknown address " + settings.inboundBind(), e);
        }
        server.start();
        log.info("inbound SMTP (MX) listening on {}:{} for {}", settings.inboundBind(), server.getPortAllocated(), inbound.domains());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            sessions.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** The key and certificate senders see after STARTTLS; a bad file stops the start, not the first session. */
    private static SSLContext tls(String keystore, String password) {
        try (InputStream in = Files.newInputStream(Path.of(keystore))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(ks, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("tidings.mail.inbound.tls-keystore: cannot read " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** Server side of STARTTLS, TLS 1.2 and 1.3 only, without the reverse DNS lookup the library's default does. */
    private static SSLSocket startTls(SSLContext context, Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        s.setEnabledProtocols(java.util.Arrays.stream(s.getSupportedProtocols())
                .filter(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2")).toArray(String[]::new));
        return s;
    }

    /** The port actually listened on (when configured as 0), or -1 when the server is off. */
    synchronized int port() {
        return server == null ? -1 : server.getPortAllocated();
    }
}
