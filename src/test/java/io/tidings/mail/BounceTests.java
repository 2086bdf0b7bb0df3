package io.tidings.mail;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.MessageState;
import io.tidings.dispatch.OutgoingMessage;
import io.tidings.records.RecordsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounces delivered over SMTP to the MX: VERP and RFC 3464 reports, and the plain-text forms MTAs still send. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BounceTests {

    @Autowired
    MailApi mail;
    @Autowired
    DispatchApi dispatch;
    @Autowired
    RecordsApi records;
    @Autowired
    ContactsApi contacts;
    @Autowired
    AccountsApi accounts;
    @Autowired
    JdbcClient jdbc;

    MailFixtures data;
    int port;

    @BeforeEach
    void setUp() {
        data = new MailFixtures(accounts, contacts, records, jdbc);
        port = mail.inboundPort();
    }

    /** A message the queue handed over, as the outgoing side leaves it. */
    private long sentTo(String recipient) {
        long id = dispatch.enqueue(OutgoingMessage.of("email-bounce-test", recipient, "{}", "bounce-test-" + data.run + "-" + System.nanoTime()));
        jdbc.sql("update dispatch_messages set state = 'sent', sent_at = now() where id = :id").param("id", id).update();
        return id;
    }

    private static String dsn(String to, String recipient, String action, String status, String diagnostic, String marker) {
        return "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\nTo: " + to + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-" + marker + "@mx.example.org>\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.org\r\nArrival-Date: Tue, 1 Dec 2026 06:00:00 +0000\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nOriginal-Recipient: rfc822;" + recipient + "\r\n"
                + "Action: " + action + "\r\nStatus: " + status + "\r\nRemote-MTA: dns; mx2.example.org\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <original-" + marker + "@localhost>\r\nSubject: Offer\r\n"
                + "--b1--\r\n";
    }

    @Test
    void anRfc3464HardBounceToTheVerpAddressMarksTheAddressBouncedAndTheMessageFailed() throws Exception {
        String recipient = data.address("gone");
        long message = sentTo(recipient);
        String verp = mail.tokens().bounceAddress(message);

        String reply = SmtpTalk.deliver(port, "", verp,
                dsn(verp, recipient, "failed", "5.1.1", "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown", data.run));

        assertThat(reply).startsWith("250");
        assertThat(mail.addressHealth().isBounced(recipient)).isTrue();
        assertThat(mail.addressHealth().health(recipient).orElseThrow().hardBounces()).isEqualTo(1);
        assertThat(dispatch.find(message).orElseThrow().state()).isEqualTo(MessageState.FAILED);
        assertThat(dispatch.find(message).orElseThrow().lastError()).contains("5.1.1");
        InboundMail stored = data.inboundByMessageId(mail, "<dsn-" + data.run + "@mx.example.org>");
        assertThat(stored.route()).isEqualTo("bounce");
        assertThat(stored.routeDetail()).contains("hard bounce of " + recipient, "marked failed");
    }

    @Test
    void softBouncesMarkTheAddressBouncedOnlyOnceTheLimitIsReached() throws Exception {
        String recipient = data.address("full");
        int limit = mail.settings().softBounceLimit();
        for (int i = 1; i <= limit; i++) {
            assertThat(mail.addressHealth().isBounced(recipient)).as("after %d soft bounces", i - 1).isFalse();
            String verp = mail.tokens().bounceAddress(sentTo(recipient));
            assertThat(SmtpTalk.deliver(port, "", verp, dsn(verp, recipient, "failed", "4.2.2", "452 4.2.2 Mailbox full", data.run + "-" + i)))
                    .startsWith("250");
        }
        assertThat(mail.addressHealth().isBounced(recipient)).isTrue();
        assertThat(mail.addressHealth().health(recipient).orElseThrow().softBounces()).isEqualTo(limit);
    }

    @Test
    void aDelayedReportIsKeptButCountsForNothing() throws Exception {
        String recipient = data.address("slow");
        long message = sentTo(recipient);
        String verp = mail.tokens().bounceAddress(message);

        SmtpTalk.deliver(port, "", verp, dsn(verp, recipient, "delayed", "4.4.7", "still trying", data.run));

        assertThat(mail.addressHealth().health(recipient)).isEmpty();
        assertThat(dispatch.find(message).orElseThrow().state()).isEqualTo(MessageState.SENT);
        assertThat(data.inboundByMessageId(mail, "<dsn-" + data.run + "@mx.example.org>").routeDetail()).contains("delayed");
    }

    @Test
    void aQmailBounceIsAttributedByTheAddressInItsText() throws Exception {
        String recipient = data.address("nobody");
        String m = "From: MAILER-DAEMON@qmail.example.org\r\nTo: notifications@localhost\r\nSubject: failure notice\r\n"
                + "Message-ID: <qmail-" + data.run + "@qmail.example.org>\r\n\r\n"
                + "Hi. This is the qmail-send program at qmail.example.org.\r\n"
                + "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
                + "This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n"
                + "<" + recipient + ">:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n\r\n"
                + "--- Below this line is a copy of the message.\r\n\r\nReturn-Path: <notifications@localhost>\r\n"
                + "To: someone-else@example.net\r\n\r\nOur offer\r\n";

        assertThat(SmtpTalk.deliver(port, "", "notifications@localhost", m)).startsWith("250");

        assertThat(mail.addressHealth().isBounced(recipient)).isTrue();
        assertThat(mail.addressHealth().health("someone-else@example.net")).isEmpty();
        assertThat(data.inboundByMessageId(mail, "<qmail-" + data.run + "@qmail.example.org>").route()).isEqualTo("bounce");
    }

    @Test
    void anEximPlainTextBounceIsReadByTheCodeNextToTheAddress() throws Exception {
        String recipient = data.address("unknown");
        String m = "From: Mail Delivery System <Mailer-Daemon@exim.example.org>\r\nTo: notifications@localhost\r\n"
                + "Subject: Mail delivery failed: returning message to sender\r\nMessage-ID: <exim-" + data.run + "@exim.example.org>\r\n\r\n"
                + "This message was created automatically by mail delivery software.\r\n\r\n"
                + "A message that you sent could not be delivered to one or more of its\r\nrecipients. This is a permanent error. "
                + "The following address(es) failed:\r\n\r\n  " + recipient + "\r\n"
                + "    host mx.example.org [192.0.2.1]\r\n    SMTP error from remote mail server after RCPT TO:<" + recipient + ">:\r\n"
                + "    550 5.1.1 User unknown\r\n\r\n------ This is a copy of the message, including all the headers. ------\r\n"
                + "To: bystander@example.net\r\n\r\nhello\r\n";

        assertThat(SmtpTalk.deliver(port, "", "notifications@localhost", m)).startsWith("250");

        assertThat(mail.addressHealth().isBounced(recipient)).isTrue();
        assertThat(mail.addressHealth().health("bystander@example.net")).isEmpty();
    }

    @Test
    void mailToABounceAddressThatIsNoReportGoesToTheCatchAll() throws Exception {
        String recipient = data.address("person");
        long message = sentTo(recipient);
        String verp = mail.tokens().bounceAddress(message);
        String m = "From: " + recipient + "\r\nTo: " + verp + "\r\nSubject: hello\r\nMessage-ID: <nb-" + data.run + "@example.org>\r\n\r\n"
                + "Thanks for your mail, I will read it soon.\r\n";

        assertThat(SmtpTalk.deliver(port, recipient, verp, m)).startsWith("250");

        assertThat(data.inboundByMessageId(mail, "<nb-" + data.run + "@example.org>").route()).isEqualTo("catchall");
        assertThat(mail.addressHealth().health(recipient)).isEmpty();
        assertThat(dispatch.find(message).orElseThrow().state()).isEqualTo(MessageState.SENT);
    }
}
