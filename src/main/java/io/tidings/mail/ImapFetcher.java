package io.tidings.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * Fetches one leased mailbox with Angus Mail: new UIDs since the last one taken under the folder's
 * UIDVALIDITY, each stored raw and marked taken in one transaction, then routed. The folder is opened
 * read-only: Tidings never deletes or flags mail on the server, so the mailbox stays the owner's copy.
 * A message already taken from this mailbox under another UIDVALIDITY is known by its Message-ID.
 */
@Component
class ImapFetcher {

    /** What one poll did. */
    record Result(int taken, int skipped) {
    }

    private final ImapMailboxes mailboxes;
    private final InboundMailStore store;
    private final InboundRouter router;
    private final MailSettings settings;
    private final InboundSettings inbound;
    private final TransactionTemplate tx;

    ImapFetcher(ImapMailboxes mailboxes, InboundMailStore store, InboundRouter router, MailSettings settings,
                InboundSettings inbound, TransactionTemplate tx) {
        this.mailboxes = mailboxes;
        this.store = store;
        this.router = router;
        this.settings = settings;
        this.inbound = inbound;
        this.tx = tx;
    }

    Result fetch(ImapMailboxes.Lease box) throws MessagingException, IOException {
        String protocol = box.tls() ? "imaps" : "imap";
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".connectiontimeout", "20000");
        p.setProperty("mail." + protocol + ".timeout", "60000");
        p.setProperty("mail." + protocol + ".writetimeout", "60000");
        if (box.tls()) {
            p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        try (Store imap = session.getStore(protocol)) {
            imap.connect(box.host(), box.port(), box.username(), box.password());
            Folder folder = imap.getFolder(box.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return fetch(box, folder, (UIDFolder) folder);
            } finally {
                folder.close(false);
            }
        }
    }

    private Result fetch(ImapMailboxes.Lease box, Folder folder, UIDFolder uids) throws MessagingException, IOException {
        long validity = uids.getUIDValidity();
        long last = box.lastUid();
        if (box.uidValidity() == null || box.uidValidity() != validity) {
            mailboxes.setValidity(box.id(), validity);
            last = 0;
        }
        // "n:*" always includes the newest message, even when its UID is below n: filtered below
        Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        int taken = 0;
        int skipped = 0;
        for (Message m : messages) {
            long uid = uids.getUID(m);
            if (uid <= last) {
                continue;
            }
            if (taken + skipped >= inbound.imapBatch()) {
                break;
            }
            if (takeOne(box, validity, uid, m)) {
                taken++;
            } else {
                skipped++;
            }
        }
        return new Result(taken, skipped);
    }

    private boolean takeOne(ImapMailboxes.Lease box, long validity, long uid, Message m) throws MessagingException, IOException {
        int size = m.getSize();
        boolean tooBig = size > settings.maxMessageBytes();
        byte[] raw = tooBig ? headers(m) : bytes(m);
        String messageId = InboundParser.firstId(header(m, "Message-ID"));
        List<String> returnPath = InboundParser.addresses(String.valueOf(header(m, "Return-Path")));
        String envelopeFrom = header(m, "Return-Path") == null ? null
                : returnPath.isEmpty() ? "" : returnPath.getFirst();
        Long id = tx.execute(s -> {
            if (!mailboxes.take(box.id(), validity, uid)) {
                return null;
            }
            if (messageId != null && store.seenInMailbox(box.id(), messageId)) {
                mailboxes.advance(box.id(), validity, uid, false);
                return null;
            }
            long inboundId = store.insert("imap", box.id(), box.host(), null, envelopeFrom, List.of(), raw, messageId);
            mailboxes.takenAs(box.id(), validity, uid, inboundId);
            mailboxes.advance(box.id(), validity, uid, true);
            if (tooBig) {
                store.routed(inboundId, null, InboundRouting.failed("too big (" + size + " bytes, limit "
                        + settings.maxMessageBytes() + "): only its headers are kept; the mail stays in the mailbox"));
            }
            return inboundId;
        });
        if (id == null) {
            return false;
        }
        if (!tooBig) {
            router.route(id);
        }
        return true;
    }

    private static String header(Message m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static byte[] bytes(Message m) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
        m.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] headers(Message m) throws MessagingException {
        StringBuilder b = new StringBuilder();
        List<String> lines = new ArrayList<>();
        Enumeration<?> all = ((jakarta.mail.internet.MimeMessage) m).getAllHeaderLines();
        while (all.hasMoreElements()) {
            lines.add(String.valueOf(all.nextElement()));
        }
        lines.forEach(l -> b.append(l).append("\r\n"));
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
