package io.tidings.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.DispatchedMessage;
import io.tidings.dispatch.MessageState;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * One context (the default test one, shared with other test classes) and a real GreenMail SMTP server on a
 * free loopback port, behind a relay that counts connections. Servers are configured in the database, not in
 * TIDINGS_SMTP_URL: every cached test context runs an email worker, and each must be able to send what any
 * test queued. Every test gets its own recipients, since the database and the GreenMail inbox are shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MailTestSupport {

    static final String PREFIX = "mailtest-";
    static GreenMail greenMail;
    static CountingProxy proxy;

    @Autowired
    MailApi mail;
    @Autowired
    DispatchApi dispatch;
    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startSmtp() throws IOException {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new CountingProxy(greenMail.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp(@Autowired JdbcClient jdbc) throws IOException {
        jdbc.sql("delete from mail_servers where name like 'mailtest-%'").update();
        proxy.close();
        greenMail.stop();
    }

    @BeforeEach
    void onlyOurServer() {
        useOnly(server("greenmail", proxy.port(), 10));
    }

    /** Leaves only these servers active (ours from earlier tests are deleted, others disabled). */
    void useOnly(NewMailServer... servers) {
        jdbc.sql("delete from mail_servers where name like 'mailtest-%'").update();
        jdbc.sql("update mail_servers set active = false").update();
        for (NewMailServer s : servers) {
            mail.addMailServer(s);
        }
    }

    NewMailServer server(String name, int port, int priority) {
        return new NewMailServer(PREFIX + name + "-" + run, "127.0.0.1", port, "none", null, null, priority, true);
    }

    /** A loopback port with nothing listening: connecting is refused at once. */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String address(String who) {
        return who + "-" + run + "@rcpt.example.com";
    }

    /** What GreenMail received for this address. */
    static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static List<MimeMessage> awaitReceived(String address, int count) {
        await(() -> receivedBy(address).size() >= count, Duration.ofSeconds(30), count + " messages to " + address);
        return receivedBy(address);
    }

    DispatchedMessage awaitFinal(long id) {
        Set<MessageState> done = Set.of(MessageState.SENT, MessageState.FAILED, MessageState.DELIVERED, MessageState.CANCELLED);
        await(() -> done.contains(dispatch.find(id).orElseThrow().state()), Duration.ofSeconds(30), "message " + id + " to finish");
        return dispatch.find(id).orElseThrow();
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static byte[] raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    /** Apache James jDKIM checks the signature; the public key comes from DkimKeys, as DNS would serve it. */
    boolean dkimVerifies(byte[] raw) throws IOException {
        String txt = mail.dkimKey().txtRecord();
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            if (!selector.toString().equals(mail.settings().dkimSelector()) || !domain.toString().equals(mail.settings().domain())) {
                return List.of();
            }
            return List.of(txt);
        });
        try {
            List<SignatureRecord> valid = verifier.verify(new ByteArrayInputStream(raw));
            return valid != null && !valid.isEmpty();
        } catch (FailException e) {
            return false;
        }
    }
}
