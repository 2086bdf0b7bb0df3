package io.tidings.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import io.tidings.threads.MessageKind;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A real IMAP server (GreenMail) as the mailbox Tidings fetches. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImapFetchTests {

    @Autowired
    MailApi mail;
    @Autowired
    ThreadsApi threads;
    @Autowired
    RecordsApi records;
    @Autowired
    ContactsApi contacts;
    @Autowired
    AccountsApi accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImapMailboxes mailboxes;
    @Autowired
    InboundMailStore store;
    @Autowired
    InboundRouter router;
    @Autowired
    MailSettings settings;
    @Autowired
    InboundSettings inbound;
    @Autowired
    TransactionTemplate tx;

    GreenMail imap;
    GreenMailUser user;
    MailFixtures data;

    @BeforeEach
    void setUp() {
        data = new MailFixtures(accounts, contacts, records, jdbc);
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        user = imap.setUser("box-" + data.run + "@example.org", "box-" + data.run, "secret-" + data.run);
    }

    @AfterEach
    void tearDown() {
        imap.stop();
    }

    /** A poller as a freshly started node has it: nothing in memory, everything from the database. */
    private ImapPoller freshNode(String name) {
        return new ImapPoller(mailboxes, new ImapFetcher(mailboxes, store, router, settings, inbound, tx), settings, inbound, name);
    }

    private long mailbox(String folder) {
        return mail.addMailbox(new NewImapMailbox("box " + data.run + " " + folder, "127.0.0.1", imap.getImap().getPort(), false,
                "box-" + data.run, "secret-" + data.run, folder)).id();
    }

    private MimeMessage message(String to, String subject, String messageId, String body) throws Exception {
        String raw = "From: Client <client-" + data.run + "@example.org>\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMessage-ID: " + messageId + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private void append(String folder, MimeMessage m) throws Exception {
        imap.getManagers().getImapHostManager().getFolder(user, folder).appendMessage(m, new Flags(), new Date());
    }

    private long taken(long mailboxId) {
        return jdbc.sql("select count(*) from mail_inbound where mailbox_id = :id").param("id", mailboxId).query(Long.class).single();
    }

    @Test
    void aReplyFetchedFromTheMailboxLandsInItsThread() throws Exception {
        RecordRef lead = data.lead("Imap");
        String messageId = "<imap-" + data.run + "@example.org>";
        append("INBOX", message(mail.tokens().replyAddress(lead), "Re: offer", messageId, "Fetched by IMAP"));
        long box = mailbox("INBOX");

        ImapMailbox after = mail.pollMailbox(box);

        assertThat(after.lastError()).isNull();
        assertThat(after.fetched()).isEqualTo(1);
        assertThat(after.password()).isEqualTo("********");
        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.kind()).isEqualTo(MessageKind.EMAIL_IN);
        assertThat(in.body()).isEqualTo("Fetched by IMAP");
        assertThat(data.inboundByMessageId(mail, messageId).source()).isEqualTo("imap");
        // read-only: the message is still on the server
        assertThat(imap.getManagers().getImapHostManager().getFolder(user, "INBOX").getMessageCount()).isEqualTo(1);
    }

    @Test
    void eachMessageIsTakenOnceAcrossARestart() throws Exception {
        append("INBOX", message("sales@localhost", "one", "<one-" + data.run + "@example.org>", "1"));
        append("INBOX", message("sales@localhost", "two", "<two-" + data.run + "@example.org>", "2"));
        long box = mailbox("INBOX");

        freshNode("node-a").pollNow(box);
        assertThat(taken(box)).isEqualTo(2);

        freshNode("node-a-restarted").pollNow(box);
        assertThat(taken(box)).isEqualTo(2);

        append("INBOX", message("sales@localhost", "three", "<three-" + data.run + "@example.org>", "3"));
        freshNode("node-b").pollNow(box);
        assertThat(taken(box)).isEqualTo(3);
        assertThat(mail.mailbox(box).lastUid()).isEqualTo(3);
    }

    @Test
    void aNewUidValidityStartsOverButMessagesAlreadyTakenAreKnownByTheirMessageId() throws Exception {
        String folder = "Tidings-" + data.run;
        imap.getManagers().getImapHostManager().createMailbox(user, folder);
        append(folder, message("sales@localhost", "a", "<a-" + data.run + "@example.org>", "a"));
        append(folder, message("sales@localhost", "b", "<b-" + data.run + "@example.org>", "b"));
        long box = mailbox(folder);
        freshNode("node-a").pollNow(box);
        Long firstValidity = mail.mailbox(box).uidValidity();
        assertThat(taken(box)).isEqualTo(2);

        // the folder is rebuilt (a server migration, a restore): same mail, new UIDs, new UIDVALIDITY (in seconds)
        imap.getManagers().getImapHostManager().deleteMailbox(user, folder);
        Thread.sleep(1100);
        imap.getManagers().getImapHostManager().createMailbox(user, folder);
        append(folder, message("sales@localhost", "b", "<b-" + data.run + "@example.org>", "b"));
        append(folder, message("sales@localhost", "a", "<a-" + data.run + "@example.org>", "a"));
        append(folder, message("sales@localhost", "c", "<c-" + data.run + "@example.org>", "c"));
        freshNode("node-b").pollNow(box);

        assertThat(mail.mailbox(box).uidValidity()).isNotEqualTo(firstValidity);
        assertThat(taken(box)).isEqualTo(3);
        assertThat(jdbc.sql("select subject from mail_inbound where mailbox_id = :id order by id").param("id", box)
                .query(String.class).list()).containsExactly("a", "b", "c");
    }

    @Test
    void twoNodesPollingTheSameMailboxAtOnceTakeEachMessageOnce() throws Exception {
        for (int i = 0; i < 8; i++) {
            append("INBOX", message("sales@localhost", "m" + i, "<m" + i + "-" + data.run + "@example.org>", "body " + i));
        }
        long box = mailbox("INBOX");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ImapFetcher.Result>> polls = new ArrayList<>();
            for (String node : List.of("n1", "n2", "n3")) {
                ImapPoller p = freshNode(node);
                polls.add(pool.submit((Callable<ImapFetcher.Result>) () -> p.pollNow(box)));
            }
            int total = 0;
            for (Future<ImapFetcher.Result> f : polls) {
                total += f.get().taken();
            }
            assertThat(total).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken(box)).isEqualTo(8);
    }

    @Test
    void aWrongPasswordIsWrittenOnTheMailboxAndNothingIsTaken() {
        long box = mail.addMailbox(new NewImapMailbox("bad " + data.run, "127.0.0.1", imap.getImap().getPort(), false,
                "box-" + data.run, "wrong", "INBOX")).id();

        ImapMailbox after = mail.pollMailbox(box);

        assertThat(after.lastError()).isNotBlank();
        assertThat(after.lastPollAt()).isNotNull();
        assertThat(taken(box)).isZero();
    }
}
