package io.tidings.mail;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.Lead;
import io.tidings.records.RecordsApi;
import io.tidings.threads.Follower;
import io.tidings.threads.MessageKind;
import io.tidings.threads.NewMessage;
import io.tidings.threads.NotificationPreference;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail delivered over real SMTP into the built-in MX, and where routing puts it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundSmtpTests {

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

    MailFixtures data;
    int port;

    @BeforeEach
    void setUp() {
        data = new MailFixtures(accounts, contacts, records, jdbc);
        port = mail.inboundPort();
        assertThat(port).isPositive();
    }

    private String message(String from, String to, String subject, String messageId, String extraHeaders, String body) {
        return "From: Customer <" + from + ">\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Tue, 1 Dec 2026 06:00:00 +0000\r\nMIME-Version: 1.0\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    private String id(String what) {
        return "<" + what + "-" + data.run + "-" + System.nanoTime() + "@example.org>";
    }

    @Test
    void aReplyWithTheReplyTokenLandsInItsLeadsThread() throws Exception {
        RecordRef lead = data.lead("Token");
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("buyer");
        String messageId = id("token");

        String reply = SmtpTalk.deliver(port, from, to, message(from, to, "Re: our offer", messageId, "", "Yes, we take it."));

        assertThat(reply).startsWith("250");
        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.kind()).isEqualTo(MessageKind.EMAIL_IN);
        assertThat(in.authorAddress()).isEqualTo(from);
        assertThat(in.body()).isEqualTo("Yes, we take it.");
        assertThat(in.subject()).isEqualTo("Re: our offer");
        assertThat(in.messageId()).isEqualTo(messageId);
        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.route()).isEqualTo("reply");
        assertThat(stored.recordKey()).isEqualTo(lead.key());
        assertThat(stored.threadMessageId()).isEqualTo(in.id());
        assertThat(new String(mail.inboundRaw(stored.id()))).contains("Yes, we take it.");
    }

    @Test
    void aReplyFoundByInReplyToLandsInTheThreadEvenWithoutAReplyAddress() throws Exception {
        RecordRef lead = data.lead("InReplyTo");
        ThreadMessage sent = threads.post(lead, NewMessage.email("admin", "Offer", "Our offer", List.of(data.address("client"))));
        String from = data.address("client");
        String messageId = id("irt");
        String to = "sales@localhost";

        String reply = SmtpTalk.deliver(port, from, to, message(from, to, "Re: Offer", messageId,
                "In-Reply-To: " + sent.messageId() + "\r\nReferences: <older@example.org> " + sent.messageId() + "\r\n", "Looks good"));

        assertThat(reply).startsWith("250");
        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.kind()).isEqualTo(MessageKind.EMAIL_IN);
        assertThat(in.inReplyTo()).isEqualTo(sent.messageId());
        assertThat(data.inboundByMessageId(mail, messageId).routeDetail()).contains("In-Reply-To");
    }

    @Test
    void aReplyIsForwardedToTheOtherFollowersByTheirPreferenceButNotBackToItsSender() throws Exception {
        RecordRef lead = data.lead("Forward");
        String byEmail = data.user("mailer");
        String byInbox = data.user("inboxer");
        threads.setNotificationPreference(byEmail, NotificationPreference.EMAIL);
        long customer = data.contact("customer");
        long otherContact = data.contact("partner");
        for (String u : List.of(byEmail, byInbox)) {
            threads.follow(lead, Follower.user(u, Set.of()));
        }
        threads.follow(lead, Follower.contact(customer, Set.of()));
        threads.follow(lead, Follower.contact(otherContact, Set.of()));
        String from = data.emailOf(customer);
        String to = mail.tokens().replyAddress(lead);
        String messageId = id("fwd");

        assertThat(SmtpTalk.deliver(port, from, to, message(from, to, "Re: quote", messageId, "", "Send the invoice please")))
                .startsWith("250");

        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(data.queuedFor(in.id())).extracting(MailFixtures.Queued::recipient)
                .containsExactlyInAnyOrder(byEmail + "@staff.example.com", data.emailOf(otherContact));
        assertThat(data.queuedFor(in.id()).getFirst().payload()).contains("Send the invoice please", "\"record\": \"" + lead.key() + "\"");
        assertThat(threads.inbox(byInbox).notifications()).extracting(n -> n.messageId()).containsExactly(in.id());
    }

    @Test
    void anAutoReplyIsKeptInTheThreadButNeverForwarded() throws Exception {
        RecordRef lead = data.lead("Auto");
        String byEmail = data.user("mailer");
        String byInbox = data.user("inboxer");
        threads.setNotificationPreference(byEmail, NotificationPreference.EMAIL);
        threads.follow(lead, Follower.user(byEmail, Set.of()));
        threads.follow(lead, Follower.user(byInbox, Set.of()));
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("away");

        for (String marker : List.of("Auto-Submitted: auto-replied\r\n", "Precedence: bulk\r\n", "X-Autoreply: yes\r\n")) {
            String messageId = id("auto");
            assertThat(SmtpTalk.deliver(port, from, to, message(from, to, "Out of office", messageId, marker, "I am away")))
                    .startsWith("250");
            InboundMail stored = data.inboundByMessageId(mail, messageId);
            assertThat(stored.route()).as(marker).isEqualTo("auto_reply");
            assertThat(data.queuedFor(stored.threadMessageId())).as(marker).isEmpty();
        }
        // the null sender <> is automatic by definition
        String messageId = id("auto-null");
        assertThat(SmtpTalk.deliver(port, "", to, message(from, to, "Autoreply", messageId, "", "Away until Monday"))).startsWith("250");
        assertThat(data.inboundByMessageId(mail, messageId).route()).isEqualTo("auto_reply");

        assertThat(threads.messages(lead, null, 10).messages()).hasSize(4).extracting(ThreadMessage::kind).containsOnly(MessageKind.EMAIL_IN);
        assertThat(threads.inbox(byInbox).notifications()).isEmpty();
    }

    @Test
    void mailToTheLeadsAliasCreatesALeadWithTheSenderAsItsContact() throws Exception {
        String from = data.address("prospect");
        String messageId = id("alias");
        String subject = "Need 40 licences " + data.run;

        assertThat(SmtpTalk.deliver(port, from, "leads@localhost", message(from, "leads@localhost", subject, messageId, "",
                "Please call me."))).startsWith("250");

        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.route()).isEqualTo("alias");
        assertThat(stored.recordModel()).isEqualTo("lead");
        Lead lead = records.lead(stored.recordId());
        assertThat(lead.name()).isEqualTo(subject);
        Contact contact = contacts.get(lead.contactId());
        assertThat(contact.email()).isEqualTo(from);
        assertThat(contact.name()).isEqualTo("Customer");
        ThreadMessage first = threads.messages(RecordRef.lead(lead.id()), null, 10).messages().getFirst();
        assertThat(first.body()).isEqualTo("Please call me.");
        assertThat(first.authorAddress()).isEqualTo(from);
        assertThat(threads.followers(RecordRef.lead(lead.id()))).extracting(Follower::contactId).containsExactly(contact.id());

        // a second mail from the same sender finds the same contact
        String again = id("alias2");
        SmtpTalk.deliver(port, from, "leads@mail.tidings.test", message(from, "leads@mail.tidings.test", "Another", again, "", "Me again"));
        Lead second = records.lead(data.inboundByMessageId(mail, again).recordId());
        assertThat(second.id()).isNotEqualTo(lead.id());
        assertThat(second.contactId()).isEqualTo(contact.id());
    }

    @Test
    void theSameMailDeliveredTwiceIsRoutedOnce() throws Exception {
        String from = data.address("twice");
        String messageId = id("twice");
        String m = message(from, "leads@localhost", "Twice", messageId, "", "Hello");
        SmtpTalk.deliver(port, from, "leads@localhost", m);
        SmtpTalk.deliver(port, from, "leads@localhost", m);

        List<String> routes = jdbc.sql("select route from mail_inbound where message_id = :m order by id")
                .param("m", messageId).query(String.class).list();
        assertThat(routes).containsExactly("alias", "duplicate");
    }

    @Test
    void anUnknownDomainIsRefusedAtRcptSoTheServerIsNoOpenRelay() throws Exception {
        try (SmtpTalk s = new SmtpTalk(port)) {
            assertThat(s.greeting).startsWith("220");
            assertThat(s.send("EHLO spammer.example")).startsWith("250").contains("SIZE");
            assertThat(s.send("MAIL FROM:<spam@spammer.example>")).startsWith("250");
            assertThat(s.send("RCPT TO:<victim@example.com>")).startsWith("550");
            assertThat(s.send("RCPT TO:<victim@localhost.example.com>")).startsWith("550");
            assertThat(s.send("RCPT TO:<reply+lead-1-00000000000000000000@localhost>")).startsWith("550");
            assertThat(s.send("RCPT TO:<bounce+1-00000000000000000000@localhost>")).startsWith("550");
            assertThat(s.send("DATA")).startsWith("503");
            assertThat(s.send("RCPT TO:<anyone@mail.tidings.test>")).startsWith("250");
        }
    }

    @Test
    void anOversizeMessageIsRefusedWith552AndTheListenerGoesOn() throws Exception {
        long limit = mail.settings().maxMessageBytes();
        try (SmtpTalk s = new SmtpTalk(port)) {
            s.send("EHLO big.example");
            assertThat(s.send("MAIL FROM:<big@example.org> SIZE=" + (limit + 1))).startsWith("552");
        }
        // without SIZE the data itself is measured; the session stays usable after the refusal
        byte[] huge = ("Subject: huge\r\n\r\n" + "x".repeat(998) + "\r\n").repeat((int) (limit / 1000) + 5).getBytes();
        try (SmtpTalk s = new SmtpTalk(port)) {
            s.send("EHLO big.example");
            s.send("MAIL FROM:<big@example.org>");
            s.send("RCPT TO:<anyone@localhost>");
            assertThat(s.data(huge)).startsWith("552");
            assertThat(s.send("NOOP")).startsWith("250");
        }
        String from = data.address("small");
        assertThat(SmtpTalk.deliver(port, from, "anyone@localhost", message(from, "anyone@localhost", "small", id("small"), "", "ok")))
                .startsWith("250");
    }

    @Test
    void malformedMimeAndAnUnknownCharsetAreKeptAndTheListenerStaysUp() throws Exception {
        String marker = "broken-" + data.run;
        String brokenMultipart = "From: x@example.org\r\nSubject: " + marker + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\nno boundary ever comes " + marker + "\r\n";
        String unknownCharset = "From: y@example.org\r\nSubject: =?x-klingon?Q?qapla=E9?= " + marker + "c\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=x-klingon\r\nContent-Transfer-Encoding: x-martian\r\n\r\nCaf\u00e9 " + marker + "c\r\n";
        String garbage = "\u0000\u0001 not a header at all " + marker + "g\r\n\r\n\u00ff\u00fe";

        assertThat(SmtpTalk.deliver(port, "x@example.org", "anyone@localhost", brokenMultipart)).startsWith("250");
        assertThat(SmtpTalk.deliver(port, "y@example.org", "anyone@localhost", unknownCharset)).startsWith("250");
        assertThat(SmtpTalk.deliver(port, "z@example.org", "anyone@localhost", garbage)).startsWith("250");

        InboundMail broken = data.inboundContaining(mail, "no boundary ever comes " + marker);
        assertThat(broken.route()).isEqualTo("catchall");
        assertThat(mail.inboundText(broken.id())).contains("no boundary ever comes");
        InboundMail charset = data.inboundContaining(mail, marker + "c\r\nMIME");
        assertThat(charset.route()).isEqualTo("catchall");
        assertThat(mail.inboundText(charset.id())).contains("Caf\u00e9 " + marker);
        InboundMail junk = data.inboundContaining(mail, marker + "g");
        assertThat(junk.route()).isEqualTo("catchall");
        // still listening
        try (SmtpTalk s = new SmtpTalk(port)) {
            assertThat(s.send("EHLO after.example")).startsWith("250");
        }
    }

    @Test
    void aCrLfSmuggledIntoTheSubjectStaysOneLine() throws Exception {
        RecordRef lead = data.lead("Inject");
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("sneaky");
        // =0D=0A in an encoded word decodes to CR LF: as a header again it would add a Bcc
        String m = "From: " + from + "\r\nTo: " + to + "\r\nSubject: =?utf-8?Q?Hi=0D=0ABcc:_victim@example.com?=\r\nMessage-ID: "
                + id("inject") + "\r\n\r\nbody\r\n";

        assertThat(SmtpTalk.deliver(port, from, to, m)).startsWith("250");

        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.subject()).isEqualTo("Hi Bcc: victim@example.com").doesNotContain("\r", "\n");
    }

    @Test
    void scriptsInHtmlMailAreSanitisedBeforeTheyAreStored() throws Exception {
        RecordRef lead = data.lead("Html");
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("html");
        String messageId = id("html");
        String m = "From: " + from + "\r\nTo: " + to + "\r\nSubject: html\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><head><style>p{}</style><script>alert('x')</script></head><body onload=\"steal()\">"
                + "<p onclick=\"evil()\">Dear <b>team</b>, see <a href=\"javascript:alert(1)\">this</a> and "
                + "<a href=\"https://example.org/doc\">the doc</a>.<img src=\"https://tracker.example/p.gif\"></p>"
                + "<iframe src=\"https://evil.example\"></iframe></body></html>\r\n";

        assertThat(SmtpTalk.deliver(port, from, to, m)).startsWith("250");

        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.htmlSanitized()).contains("<b>team</b>", "https://example.org/doc")
                .doesNotContain("script", "alert", "onload", "onclick", "javascript:", "<img", "iframe", "tracker", "<style");
        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.body()).isEqualTo("Dear team, see this and the doc.");
    }

    @Test
    void mailNoRouteTakesIsKeptInTheCatchAll() throws Exception {
        String from = data.address("stranger");
        String messageId = id("stray");
        assertThat(SmtpTalk.deliver(port, from, "random-person@localhost",
                message(from, "random-person@localhost", "Hello?", messageId, "", "Is anyone there?"))).startsWith("250");

        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.route()).isEqualTo("catchall");
        assertThat(stored.error()).isNull();
        assertThat(mail.catchall(null, 200)).extracting(InboundMail::id).contains(stored.id());
        assertThat(mail.inboundText(stored.id())).contains("Is anyone there?");
    }

    @Test
    void forwardedMailIsRoutedByItsHeadersWhenTheEnvelopeNamesTheForwardingAccount() throws Exception {
        RecordRef lead = data.lead("Forwarded");
        String replyTo = mail.tokens().replyAddress(lead);
        String from = data.address("fwd");
        String messageId = id("forwarded");
        // the company mailbox forwards to sales@<our domain>; the original To still names the reply address
        String m = "From: " + from + "\r\nTo: Tidings <" + replyTo + ">\r\nX-Original-To: " + replyTo + "\r\nSubject: Re: x\r\n"
                + "Message-ID: " + messageId + "\r\n\r\nforwarded reply\r\n";

        assertThat(SmtpTalk.deliver(port, from, "sales@mail.tidings.test", m)).startsWith("250");

        assertThat(data.inboundByMessageId(mail, messageId).route()).isEqualTo("reply");
        assertThat(threads.messages(lead, null, 10).messages().getFirst().body()).isEqualTo("forwarded reply");
    }

    @Test
    void anAngusMailClientCanDeliverToTheMx() throws Exception {
        RecordRef lead = data.lead("Angus");
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        String from = data.address("angus");
        m.setFrom(new InternetAddress(from, "Ángela Ñúñez", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.tokens().replyAddress(lead)));
        m.setSubject("Grüße", "UTF-8");
        m.setText("Vielen Dank für das Angebot — 谢谢", "UTF-8");
        Transport.send(m);

        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.subject()).isEqualTo("Grüße");
        assertThat(in.body()).isEqualTo("Vielen Dank für das Angebot — 谢谢");
        assertThat(in.authorAddress()).isEqualTo(from);
    }

    @Test
    void aMailFromTheMxIsRoutedAndStoredInOneTransaction() throws Exception {
        RecordRef lead = data.lead("OneCommit");
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("onecommit");
        String messageId = id("onecommit");

        assertThat(SmtpTalk.deliver(port, from, to, message(from, to, "Re: one", messageId, "", "One commit"))).startsWith("250");

        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.route()).isEqualTo("reply");
        assertThat(stored.routedAt()).isNotNull();
        // the same transaction wrote both rows: the mail is never seen stored but not yet routed
        String mailTx = jdbc.sql("select xmin::text from mail_inbound where id = :id").param("id", stored.id())
                .query(String.class).single();
        String threadTx = jdbc.sql("select xmin::text from thread_messages where id = :id").param("id", stored.threadMessageId())
                .query(String.class).single();
        assertThat(mailTx).isEqualTo(threadTx);
    }

    @Test
    void ourOwnMessageComingBackToTheReplyAddressIsADuplicateAndPostsNothing() throws Exception {
        RecordRef lead = data.lead("Echo");
        ThreadMessage sent = threads.post(lead, NewMessage.email("admin", "Offer", "Our offer", List.of(data.address("echo"))));
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("echo");

        assertThat(SmtpTalk.deliver(port, from, to, message(from, to, "Offer", sent.messageId(), "", "Our offer"))).startsWith("250");

        InboundMail stored = data.inboundByMessageId(mail, sent.messageId());
        assertThat(stored.route()).isEqualTo("duplicate");
        assertThat(stored.routeDetail()).isEqualTo("already thread message " + sent.id());
        assertThat(stored.threadMessageId()).isEqualTo(sent.id());
        assertThat(threads.messages(lead, null, 10).messages()).extracting(ThreadMessage::id).containsExactly(sent.id());
    }

    @Test
    void aHugeReplyIsCutInTheThreadAndTheCutNamesTheStoredMail() throws Exception {
        RecordRef lead = data.lead("Huge");
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("huge");
        String messageId = id("huge");
        String body = ("All of it. ".repeat(8) + "\r\n").repeat(1_200); // about 106,000 characters

        assertThat(SmtpTalk.deliver(port, from, to, message(from, to, "Re: long", messageId, "", body))).startsWith("250");

        InboundMail stored = data.inboundByMessageId(mail, messageId);
        assertThat(stored.route()).isEqualTo("reply");
        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.body()).hasSizeLessThanOrEqualTo(InboundThreadPost.MAX_BODY)
                .endsWith("[cut: the full mail is kept as inbound mail " + stored.id() + "]");
        assertThat(mail.inboundRaw(stored.id()).length).isGreaterThan(InboundThreadPost.MAX_BODY);
    }

    @Test
    void theStoredMailStartsWithOurReceivedHeaderAndAStrangeHeloCannotBreakIt() throws Exception {
        String from = data.address("trace");
        String messageId = id("trace");
        try (SmtpTalk s = new SmtpTalk(port)) {
            assertThat(s.send("EHLO odd(name);x")).startsWith("250");
            assertThat(s.send("MAIL FROM:<" + from + ">")).startsWith("250");
            assertThat(s.send("RCPT TO:<anyone@localhost>")).startsWith("250");
            assertThat(s.data(message(from, "anyone@localhost", "Trace", messageId, "", "traced")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))).startsWith("250");
        }

        String raw = new String(mail.inboundRaw(data.inboundByMessageId(mail, messageId).id()),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(raw).startsWith("Received: from odd?name?;x ([127.0.0.1])\r\n\tby mail.tidings.test (Tidings) with SMTP id ");
        assertThat(raw.lines().filter(l -> l.startsWith("Received:")).count()).isEqualTo(1);
        assertThat(raw).contains("\r\nFrom: Customer <" + from + ">\r\n");
    }

    @Test
    void aReplyDeliveredTwiceIsPostedOnceAndTheSecondNamesTheFirst() throws Exception {
        RecordRef lead = data.lead("ReplyTwice");
        String to = mail.tokens().replyAddress(lead);
        String from = data.address("replytwice");
        String messageId = id("replytwice");
        String m = message(from, to, "Re: twice", messageId, "", "Said twice");

        assertThat(SmtpTalk.deliver(port, from, to, m)).startsWith("250");
        assertThat(SmtpTalk.deliver(port, from, to, m)).startsWith("250");

        List<InboundMail> copies = jdbc.sql("select id from mail_inbound where message_id = :m order by id")
                .param("m", messageId).query(Long.class).list().stream().map(mail::inbound).toList();
        assertThat(copies).extracting(InboundMail::route).containsExactly("reply", "duplicate");
        assertThat(copies.getLast().routeDetail()).isEqualTo("same Message-ID as inbound mail " + copies.getFirst().id());
        assertThat(threads.messages(lead, null, 10).messages()).extracting(ThreadMessage::messageId).containsExactly(messageId);
    }
}
