package io.tidings.mail;

import io.tidings.threads.RecordRef;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.threads.ThreadsApi;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The MX offers STARTTLS when given a key store; a client that insists on TLS delivers through it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundTlsTests {

    @Autowired
    MailSettings settings;
    @Autowired
    InboundSettings inbound;
    @Autowired
    InboundRecipients recipients;
    @Autowired
    InboundReceiver receiver;
    @Autowired
    MailApi mail;
    @Autowired
    RecordsApi records;
    @Autowired
    ThreadsApi threads;

    @Test
    void aClientThatRequiresStartTlsDeliversThroughIt() throws Exception {
        Path dir = Files.createTempDirectory("tidings-mx-tls");
        Path keystore = dir.resolve("mx.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mx", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        InboundSettings withTls = new InboundSettings(inbound.domains(), 10, 10, Duration.ofSeconds(30), false, 10,
                keystore.toString(), "changeit");
        InboundSmtpServer server = new InboundSmtpServer(settings, withTls, recipients, receiver, true);
        server.start();
        try {
            try (SmtpTalk s = new SmtpTalk(server.port())) {
                assertThat(s.send("EHLO tls.example")).contains("STARTTLS");
            }
            RecordRef lead = RecordRef.lead(records.createLead(NewLead.named("TLS " + UUID.randomUUID())).id());
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "127.0.0.1");
            p.setProperty("mail.smtp.port", String.valueOf(server.port()));
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.trust", "*");
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("secure@example.org"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.tokens().replyAddress(lead)));
            m.setSubject("over TLS");
            m.setText("encrypted on the way");
            Transport.send(m);

            assertThat(threads.messages(lead, null, 5).messages().getFirst().body()).isEqualTo("encrypted on the way");
        } finally {
            server.stop();
        }
    }
}
