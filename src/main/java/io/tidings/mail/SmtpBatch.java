package io.tidings.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimSigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Sends one batch over as few connections as possible: it keeps the connection it has for the next
 * message, moves to the next server only when a server cannot be reached (and then stays there for the
 * rest of the batch), and gives the connection back to the pool at the end.
 *
 * <p>A refusal by the server is about the message: 5xx fails it, 4xx retries it later. A broken
 * connection is about the server: a reused connection gets one fresh reconnect (the server may just
 * have closed an idle socket), a fresh one that fails sends the message on to the next server.
 */
final class SmtpBatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpBatch.class);

    /** What became of one message. */
    sealed interface Outcome {
        record Sent(String server) implements Outcome {
        }

        record Refused(String reason, boolean permanent) implements Outcome {
        }

        /** No server took it; worth trying later. */
        record Unreachable(String reason) implements Outcome {
        }
    }

    private final SmtpPool pool;
    private final List<SmtpTarget> servers;
    private int index;
    private SmtpPool.Connection current;

    SmtpBatch(SmtpPool pool, List<SmtpTarget> servers) {
        this.pool = pool;
        this.servers = pool.order(servers);
    }

    Outcome send(MimeMessage message, Address recipient) {
        String lastError = "no SMTP server is configured";
        for (int i = index; i < servers.size(); i++) {
            SmtpTarget server = servers.get(i);
            for (int attempt = 0; attempt < 2; attempt++) {
                SmtpPool.Connection c = connection(server);
                if (c == null) {
                    lastError = server.name() + " could not be reached";
                    break;
                }
                index = i;
                try {
                    c.send(message, recipient);
                    return new Outcome.Sent(server.name());
                } catch (DkimSigningException | DkimException e) {
                    // signing runs while DATA is written: the connection is mid-message, and no server is to blame
                    pool.discard(c, false);
                    current = null;
                    return new Outcome.Refused("the message could not be DKIM-signed: " + describe(e), false);
                } catch (MessagingException | IllegalStateException e) {
                    Integer code = replyCode(e);
                    if (code != null && code != 421) {
                        String reason = server.name() + " refused the message: " + reply(c, e);
                        c.reset();
                        return new Outcome.Refused(reason, code >= 500);
                    }
                    boolean fresh = c.fresh();
                    pool.discard(c, fresh);
                    current = null;
                    lastError = server.name() + ": " + describe(e);
                    log.info("SMTP connection to {} failed ({}); {}", server, lastError,
                            fresh ? "trying the next server" : "reconnecting once");
                    if (fresh) {
                        break;
                    }
                }
            }
        }
        return new Outcome.Unreachable("no SMTP server took the message (" + lastError + ")");
    }

    private SmtpPool.Connection connection(SmtpTarget server) {
        if (current != null && current.target == server) {
            return current;
        }
        if (current != null) {
            pool.giveBack(current);
            current = null;
        }
        try {
            current = pool.borrow(server);
            return current;
        } catch (MessagingException | RuntimeException e) {
            pool.markDown(server);
            log.warn("could not connect to SMTP server {}: {}", server, describe(e));
            return null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            pool.giveBack(current);
            current = null;
        }
    }

    /** The SMTP reply code of a refusal, or null when the connection itself failed. */
    static Integer replyCode(Exception e) {
        Exception x = e;
        for (int depth = 0; x != null && depth < 10; depth++) {
            switch (x) {
                case SMTPAddressFailedException a -> {
                    return a.getReturnCode();
                }
                case SMTPSenderFailedException s -> {
                    return s.getReturnCode();
                }
                case SMTPSendFailedException s when s.getReturnCode() > 0 -> {
                    return s.getReturnCode();
                }
                default -> {
                }
            }
            x = x instanceof MessagingException m ? m.getNextException() : null;
        }
        return null;
    }

    private static String reply(SmtpPool.Connection c, Exception e) {
        String last = c.lastResponse();
        return last != null && !last.isBlank() ? last.strip() : describe(e);
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            if (!b.isEmpty()) {
                b.append(": ");
            }
            b.append(t.getMessage() != null ? t.getMessage().strip() : t.getClass().getSimpleName());
        }
        return b.toString();
    }
}
