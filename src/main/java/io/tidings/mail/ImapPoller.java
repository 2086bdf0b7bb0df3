package io.tidings.mail;

import io.tidings.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;

/**
 * Polls the IMAP mailboxes that are due (every {@code tidings.mail.imap.poll-interval}), on any number of
 * nodes: each mailbox is leased by one node at a time. A failed poll is written on the mailbox and tried
 * again at the next interval; nothing is taken that was not stored.
 */
@Component
class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);
    private static final int MAILBOXES_PER_TICK = 20;

    private final ImapMailboxes mailboxes;
    private final ImapFetcher fetcher;
    private final MailSettings settings;
    private final InboundSettings inbound;
    private final String node;

    ImapPoller(ImapMailboxes mailboxes, ImapFetcher fetcher, MailSettings settings, InboundSettings inbound,
               @Value("${tidings.node-id:}") String nodeId) {
        this.mailboxes = mailboxes;
        this.fetcher = fetcher;
        this.settings = settings;
        this.inbound = inbound;
        this.node = (nodeId == null || nodeId.isBlank() ? hostname() : nodeId) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // Ticks often; the database decides which mailbox is due, so the interval holds across nodes and restarts.
    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT5S")
    void tick() {
        if (!inbound.imapPolling()) {
            return;
        }
        for (int i = 0; i < MAILBOXES_PER_TICK; i++) {
            Optional<ImapMailboxes.Lease> due = mailboxes.lease(null, node, leaseSeconds(), settings.imapPollInterval().toSeconds());
            if (due.isEmpty()) {
                return;
            }
            poll(due.get());
        }
    }

    /** Fetches one mailbox now; waits a little when another node is fetching it. */
    ImapFetcher.Result pollNow(long id) {
        if (!mailboxes.get(id).enabled()) {
            throw new ConflictException("Mailbox " + id + " is disabled; enable it to fetch it.");
        }
        for (int attempt = 0; attempt < 60; attempt++) {
            Optional<ImapMailboxes.Lease> lease = mailboxes.lease(id, node, leaseSeconds(), 0);
            if (lease.isPresent()) {
                return poll(lease.get());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ConflictException("Mailbox " + id + " is being fetched by another node; try again shortly.");
    }

    private ImapFetcher.Result poll(ImapMailboxes.Lease lease) {
        String error = null;
        ImapFetcher.Result result = new ImapFetcher.Result(0, 0);
        try {
            result = fetcher.fetch(lease);
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("IMAP mailbox {} ({}) could not be fetched: {}", lease.id(), lease.host(), error);
        } finally {
            mailboxes.release(lease.id(), node, error);
        }
        return result;
    }

    private long leaseSeconds() {
        return Math.max(300, 2 * settings.imapPollInterval().toSeconds());
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
