package io.tidings.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SMTP mail transaction: recipients are checked as they come (RCPT), the data is read up to the size
 * limit and stored before 250 is answered. Nothing here lets an exception reach the server thread
 * except the SMTP rejections themselves, so bad input never stops the listener.
 */
final class InboundSmtpSession implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundSmtpSession.class);
    /** Beyond this many times the limit the sender is cut off instead of read to the end. */
    private static final int DRAIN_FACTOR = 4;

    private final MessageContext context;
    private final InboundRecipients recipients;
    private final InboundReceiver receiver;
    private final long maxBytes;
    private final String hostName;
    private String from = "";
    private final List<String> to = new ArrayList<>();

    /** @param hostName ours, as named in the Received header */
    InboundSmtpSession(MessageContext context, InboundRecipients recipients, InboundReceiver receiver, long maxBytes,
                       String hostName) {
        this.hostName = hostName;
        this.context = context;
        this.recipients = recipients;
        this.receiver = receiver;
        this.maxBytes = maxBytes;
    }

    @Override
    public void from(String address) throws RejectException {
        if (address != null && (address.length() > 320 || address.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new RejectException(553, "5.1.7 Bad sender address syntax");
        }
        from = address == null ? "" : address;
    }

    @Override
    public void recipient(String address) throws RejectException {
        Optional<InboundRecipients.Refusal> refusal;
        try {
            refusal = recipients.check(address);
        } catch (RuntimeException e) {
            log.warn("checking recipient {} failed", address, e);
            throw new RejectException(451, "4.3.0 Temporary failure, try again later");
        }
        if (refusal.isPresent()) {
            throw new RejectException(refusal.get().code(), refusal.get().text());
        }
        to.add(address.trim());
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        out.writeBytes(received());
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = data.read(buffer)) != -1) {
            total += n;
            if (total <= maxBytes) {
                out.write(buffer, 0, n);
            } else if (total > maxBytes * DRAIN_FACTOR) {
                throw new DropConnectionException(552, "5.3.4 Message size exceeds fixed limit of " + maxBytes + " bytes");
            }
        }
        if (total > maxBytes) {
            // read to the end first: a rejection in mid-data would make the rest of it look like commands
            throw new RejectException(552, "5.3.4 Message size exceeds fixed limit of " + maxBytes + " bytes");
        }
        try {
            long id = receiver.receiveSmtp(String.valueOf(context.getRemoteAddress()), context.getHelo().orElse(null),
                    from, List.copyOf(to), out.toByteArray());
            return "2.0.0 Ok: stored as " + id;
        } catch (RuntimeException e) {
            log.error("storing inbound mail failed; the sender was told to retry", e);
            throw new RejectException(451, "4.3.0 Could not store the message, try again later");
        }
    }

    /**
     * The trace header RFC 5321 4.4 asks for, first in the stored message. Written here rather than by the library,
     * whose header costs a reverse DNS lookup of the peer for every message; the peer's address is enough.
     */
    private byte[] received() {
        String ip = context.getRemoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(context.getRemoteAddress());
        String helo = context.getHelo().map(InboundSmtpSession::traceSafe).orElse("unknown");
        return ("Received: from " + helo + " ([" + ip + "])\r\n\tby " + hostName + " (Tidings) with SMTP id "
                + traceSafe(context.getSessionId()) + ";\r\n\t"
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Printable ASCII without spaces or parentheses, at most 100 characters: a HELO argument cannot break the header. */
    private static String traceSafe(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().limit(100).forEach(c -> b.append(c > 0x20 && c < 0x7f && c != '(' && c != ')' ? (char) c : '?'));
        return b.isEmpty() ? "unknown" : b.toString();
    }

    @Override
    public void done() {
        // nothing held
    }
}
