package io.tidings.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool and a batch against a real GreenMail, configured the way TIDINGS_SMTP_URL is, without Spring. */
class SmtpPoolTest {

    GreenMail greenMail;
    CountingProxy proxy;
    SmtpPool pool;

    @BeforeEach
    void start() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new CountingProxy(greenMail.getSmtp().getPort());
        MailSettings mail = new MailSettings("mail.tidings.test", null, "Tidings", null, null, false, "127.0.0.1", 0,
                1 << 20, Map.of(), 3, Duration.ofMinutes(1));
        pool = new SmtpPool(new SmtpSettings(Duration.ofSeconds(5), 2, 1000, Duration.ofSeconds(30), null), mail);
    }

    @AfterEach
    void stop() throws Exception {
        pool.destroy();
        proxy.close();
        greenMail.stop();
    }

    @Test
    void batchesOverTheEnvironmentServerReuseOneConnection() throws Exception {
        SmtpTarget env = SmtpUrl.parse("smtp://127.0.0.1:" + proxy.port());

        for (int batch = 0; batch < 3; batch++) {
            try (SmtpBatch smtp = new SmtpBatch(pool, List.of(env))) {
                for (int i = 0; i < 20; i++) {
                    assertThat(smtp.send(message("b" + batch + "m" + i + "@rcpt.example.com"),
                            new InternetAddress("b" + batch + "m" + i + "@rcpt.example.com")))
                            .isInstanceOf(SmtpBatch.Outcome.Sent.class);
                }
            }
        }

        assertThat(greenMail.getReceivedMessages()).hasSize(60);
        assertThat(proxy.connections()).isEqualTo(1);
        assertThat(pool.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheMessageStillGoes() throws Exception {
        SmtpTarget env = SmtpUrl.parse("smtp://127.0.0.1:" + proxy.port());
        try (SmtpBatch smtp = new SmtpBatch(pool, List.of(env))) {
            assertThat(smtp.send(message("first@rcpt.example.com"), new InternetAddress("first@rcpt.example.com")))
                    .isInstanceOf(SmtpBatch.Outcome.Sent.class);
        }
        proxy.dropAll();

        try (SmtpBatch smtp = new SmtpBatch(pool, List.of(env))) {
            assertThat(smtp.send(message("second@rcpt.example.com"), new InternetAddress("second@rcpt.example.com")))
                    .isInstanceOf(SmtpBatch.Outcome.Sent.class);
        }

        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void noReachableServerLeavesTheMessageForALaterTry() throws Exception {
        SmtpTarget dead = SmtpUrl.parse("smtp://127.0.0.1:" + MailTestSupport.deadPort());
        try (SmtpBatch smtp = new SmtpBatch(pool, List.of(dead))) {
            SmtpBatch.Outcome o = smtp.send(message("x@rcpt.example.com"), new InternetAddress("x@rcpt.example.com"));
            assertThat(o).isInstanceOf(SmtpBatch.Outcome.Unreachable.class);
            assertThat(((SmtpBatch.Outcome.Unreachable) o).reason()).contains("could not be reached");
        }
    }

    @Test
    void aRefusedRecipientFailsOrWaitsByItsReplyCodeAndTheConnectionCarriesOn() throws Exception {
        List<String> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.subethamail.smtp.server.SMTPServer picky = org.subethamail.smtp.server.SMTPServer.port(0)
                .bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(ctx -> new org.subethamail.smtp.MessageHandler() {
                    String to;

                    public void from(String from) {
                    }

                    public void recipient(String recipient) throws org.subethamail.smtp.RejectException {
                        if (recipient.startsWith("gone")) {
                            throw new org.subethamail.smtp.RejectException(550, "5.1.1 no such user");
                        }
                        if (recipient.startsWith("busy")) {
                            throw new org.subethamail.smtp.RejectException(451, "4.2.1 mailbox busy, try later");
                        }
                        to = recipient;
                    }

                    public String data(java.io.InputStream data) throws java.io.IOException {
                        data.readAllBytes();
                        accepted.add(to);
                        return null;
                    }

                    public void done() {
                    }
                }).build();
        picky.start();
        try (CountingProxy relay = new CountingProxy(picky.getPortAllocated())) {
            SmtpTarget server = SmtpUrl.parse("smtp://127.0.0.1:" + relay.port());
            try (SmtpBatch smtp = new SmtpBatch(pool, List.of(server))) {
                SmtpBatch.Outcome gone = smtp.send(message("gone@rcpt.example.com"), new InternetAddress("gone@rcpt.example.com"));
                SmtpBatch.Outcome busy = smtp.send(message("busy@rcpt.example.com"), new InternetAddress("busy@rcpt.example.com"));
                SmtpBatch.Outcome fine = smtp.send(message("fine@rcpt.example.com"), new InternetAddress("fine@rcpt.example.com"));

                assertThat(gone).isEqualTo(new SmtpBatch.Outcome.Refused(((SmtpBatch.Outcome.Refused) gone).reason(), true));
                assertThat(((SmtpBatch.Outcome.Refused) gone).reason()).contains("550", "no such user");
                assertThat(busy).isInstanceOf(SmtpBatch.Outcome.Refused.class);
                assertThat(((SmtpBatch.Outcome.Refused) busy).permanent()).isFalse();
                assertThat(((SmtpBatch.Outcome.Refused) busy).reason()).contains("451");
                assertThat(fine).isInstanceOf(SmtpBatch.Outcome.Sent.class);
            }
            assertThat(accepted).containsExactly("fine@rcpt.example.com");
            assertThat(relay.connections()).isEqualTo(1);
        } finally {
            picky.stop();
        }
    }

    private static MimeMessage message(String to) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("notifications@mail.tidings.test");
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject("Pooled");
        m.setText("Hello");
        m.saveChanges();
        return m;
    }
}
