package io.tidings.mail;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import io.tidings.threads.RecordRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What happens when routing cannot finish, and when a peer misbehaves in the SMTP session itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundRoutingTests {

    @Autowired
    MailApi mail;
    @Autowired
    InboundMailStore store;
    @Autowired
    InboundRouter router;
    @Autowired
    RecordsApi records;
    @Autowired
    ContactsApi contacts;
    @Autowired
    AccountsApi accounts;
    @Autowired
    JdbcClient jdbc;

    MailFixtures data;

    @BeforeEach
    void setUp() {
        data = new MailFixtures(accounts, contacts, records, jdbc);
    }

    @Test
    void aReplyToARecordThatNoLongerExistsIsKeptInTheCatchAllWithTheError() throws Exception {
        String to = mail.tokens().replyAddress(RecordRef.lead(999_999_999_999L));
        String messageId = "<gone-" + data.run + "@example.org>";

        String reply = SmtpTalk.deliver(mail.inboundPort(), "a@example.org", to,
                "From: a@example.org\r\nTo: " + to + "\r\nSubject: hi\r\nMessage-ID: " + messageId + "\r\n\r\nstill there?\r\n");

        assertThat(reply).startsWith("250");
        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.route()).isEqualTo("catchall");
        assertThat(stored.error()).contains("NotFoundException", "There is no lead");
        assertThat(new String(mail.inboundRaw(stored.id()), StandardCharsets.UTF_8)).contains("still there?");
    }

    @Test
    void mailLeftPendingByANodeThatStoppedIsRoutedByTheSweep() {
        String from = data.address("late");
        String messageId = "<pending-" + data.run + "@example.org>";
        byte[] raw = ("From: " + from + "\r\nTo: leads@localhost\r\nSubject: Left behind " + data.run + "\r\nMessage-ID: " + messageId
                + "\r\n\r\nrouted later\r\n").getBytes(StandardCharsets.UTF_8);
        long id = store.insert("smtp", null, "127.0.0.1", "crashed.example", from, List.of("leads@localhost"), raw, null);
        jdbc.sql("update mail_inbound set received_at = now() - interval '2 minutes' where id = :id").param("id", id).update();
        assertThat(mail.inbound(id).route()).isEqualTo("pending");

        router.routeLeftovers();

        InboundMail routed = mail.inbound(id);
        assertThat(routed.route()).isEqualTo("alias");
        assertThat(records.lead(routed.recordId()).name()).isEqualTo("Left behind " + data.run);
        // routing twice is routing once
        assertThat(router.route(id)).isEmpty();
    }

    @Test
    void garbageCommandsAndOverlongLinesDoNotStopTheListener() throws Exception {
        try (SmtpTalk s = new SmtpTalk(mail.inboundPort())) {
            assertThat(s.send("\u0001\u0002 HELLO?")).startsWith("5");
            assertThat(s.send("MAIL FROM:<a@b>" + "x".repeat(20_000))).matches("(?s)^5.*");
            assertThat(s.send("RCPT TO:<x@localhost>")).startsWith("503");
            assertThat(s.send("DATA")).startsWith("503");
            assertThat(s.send("MAIL FROM:<a\r@example.org>")).isNotEmpty();
        } catch (java.io.IOException closedByServer) {
            // dropping a peer that misbehaves is fine too; what matters is the next session
        }
        String from = data.address("after");
        assertThat(SmtpTalk.deliver(mail.inboundPort(), from, "anyone@localhost",
                "From: " + from + "\r\nSubject: after\r\n\r\nstill listening\r\n")).startsWith("250");
    }
}
