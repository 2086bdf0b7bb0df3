package io.tidings.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Open SMTP connections, kept per server and reused across messages and batches: opening one costs a
 * TCP and often a TLS handshake plus AUTH, more than sending a message. A connection is lent to one
 * sender at a time; an idle one is checked (RSET) before reuse after a quiet spell, and replaced when
 * the server dropped it. Servers that failed to connect are remembered as down for a while, so the
 * rest of a batch goes straight to the next one.
 */
@Component
class SmtpPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpPool.class);
    // Servers drop idle clients after a minute or more; a RSET after 5 s of quiet finds the dropped ones cheaply.
    private static final long CHECK_AFTER_IDLE_NANOS = 5_000_000_000L;

    private final SmtpSettings settings;
    private final MailSettings mail;
    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private final Map<String, Long> downUntil = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();

    SmtpPool(SmtpSettings settings, MailSettings mail) {
        this.settings = settings;
        this.mail = mail;
    }

    /** One open connection; whoever borrowed it is its only user until it goes back. */
    final class Connection {
        final SmtpTarget target;
        private final Transport transport;
        private int sent;
        private long lastUsed = System.nanoTime();
        private boolean fresh = true;

        private Connection(SmtpTarget target, Transport transport) {
            this.target = target;
            this.transport = transport;
        }

        /**
         * Opened for this borrow and not used yet: a failure on it is the server's. A failure on a reused
         * connection may just be a socket the server closed meanwhile, worth one more connect.
         */
        boolean fresh() {
            return fresh;
        }

        void send(MimeMessage message, Address recipient) throws MessagingException {
            transport.sendMessage(message, new Address[]{recipient});
            fresh = false;
            sent++;
            lastUsed = System.nanoTime();
        }

        /** After a refused message the server may still hold a half-open transaction. */
        void reset() {
            try {
                if (transport instanceof SMTPTransport smtp) {
                    smtp.simpleCommand("RSET");
                }
            } catch (MessagingException e) {
                closeQuietly(transport);
            }
        }

        String lastResponse() {
            return transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
        }

    }

    /** Servers up first, each group by the given order. */
    List<SmtpTarget> order(List<SmtpTarget> servers) {
        long now = System.nanoTime();
        List<SmtpTarget> up = new ArrayList<>();
        List<SmtpTarget> down = new ArrayList<>();
        for (SmtpTarget t : servers) {
            Long until = downUntil.get(t.key());
            (until != null && until - now > 0 ? down : up).add(t);
        }
        up.addAll(down);
        return up;
    }

    /** An idle connection to the server, else a new one. */
    Connection borrow(SmtpTarget target) throws MessagingException {
        Deque<Connection> queue = idle.computeIfAbsent(target.key(), k -> new ArrayDeque<>());
        while (true) {
            Connection c;
            synchronized (queue) {
                c = queue.pollFirst();
            }
            if (c == null) {
                return open(target);
            }
            if (System.nanoTime() - c.lastUsed < CHECK_AFTER_IDLE_NANOS || c.transport.isConnected()) {
                c.fresh = false;
                return c;
            }
            closeQuietly(c.transport);
        }
    }

    void giveBack(Connection c) {
        if (!c.transport.isConnected() || c.sent >= settings.maxMessagesPerConnection()) {
            closeQuietly(c.transport);
            return;
        }
        Deque<Connection> queue = idle.computeIfAbsent(c.target.key(), k -> new ArrayDeque<>());
        synchronized (queue) {
            if (queue.size() < settings.poolSize()) {
                queue.addFirst(c);
                return;
            }
        }
        closeQuietly(c.transport);
    }

    /** The connection broke: close it and try the server last for a while. */
    void discard(Connection c, boolean serverDown) {
        closeQuietly(c.transport);
        if (serverDown) {
            markDown(c.target);
        }
    }

    void markDown(SmtpTarget target) {
        downUntil.put(target.key(), System.nanoTime() + settings.downFor().toNanos());
    }

    /** Closes idle connections of servers that were removed, disabled or edited. */
    void retainOnly(Collection<SmtpTarget> current) {
        Set<String> keep = current.stream().map(SmtpTarget::key).collect(Collectors.toSet());
        for (var e : idle.entrySet()) {
            if (!keep.contains(e.getKey())) {
                drain(e.getValue());
            }
        }
        downUntil.keySet().retainAll(keep);
    }

    /** Connections opened since start: a batch should need about one. */
    long connectionsOpened() {
        return opened.get();
    }

    @Override
    public void destroy() {
        idle.values().forEach(this::drain);
    }

    private void drain(Deque<Connection> queue) {
        List<Connection> all;
        synchronized (queue) {
            all = new ArrayList<>(queue);
            queue.clear();
        }
        all.forEach(c -> closeQuietly(c.transport));
    }

    private Connection open(SmtpTarget t) throws MessagingException {
        String protocol = t.security() == MailSecurity.TLS ? "smtps" : "smtp";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(settings.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        p.setProperty(prefix + "localhost", mail.domain());
        p.setProperty(prefix + "auth", Boolean.toString(t.authenticates()));
        p.setProperty(prefix + "quitwait", "false");
        if (t.security() == MailSecurity.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (t.security() != MailSecurity.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        Transport transport = session.getTransport(protocol);
        if (transport instanceof SMTPTransport smtp) {
            smtp.setUseRset(true);
        }
        transport.connect(t.host(), t.port(), t.username(), t.password());
        opened.incrementAndGet();
        downUntil.remove(t.key());
        log.debug("opened an SMTP connection to {}", t);
        return new Connection(t, transport);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing a dead connection may fail; it is gone either way
        }
    }
}
