package io.tidings.mail;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import io.tidings.threads.MessageKind;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in MX against an SMTP client nobody here wrote: swaks, Debian's "Swiss Army Knife for SMTP"
 * (.ci/run installs it). It speaks EHLO, SIZE, PIPELINING and DATA as a real sending server would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SwaksClientTests {

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

    @BeforeEach
    void setUp() {
        data = new MailFixtures(accounts, contacts, records, jdbc);
    }

    record Run(int exit, String transcript) {
    }

    private Run swaks(String... args) throws IOException, InterruptedException {
        Path swaks = Path.of("/usr/bin/swaks");
        assertThat(Files.isExecutable(swaks)).as("swaks is installed (apt-get install -y swaks; .ci/run does this)").isTrue();
        List<String> command = new ArrayList<>(List.of(swaks.toString(), "--server", "127.0.0.1", "--port",
                String.valueOf(mail.inboundPort()), "--helo", "client.example.org", "--timeout", "20"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aReplySentBySwaksToTheLeadsReplyAddressLandsInItsThread() throws Exception {
        RecordRef lead = data.lead("Swaks");
        String from = data.address("swaks-buyer");
        String to = mail.tokens().replyAddress(lead);

        Run run = swaks("--from", from, "--to", to, "--header", "Subject: Re: the quote",
                "--header", "Message-ID: <swaks-" + data.run + "@example.org>", "--body", "Signed, see attachment.");

        assertThat(run.exit()).as(run.transcript()).isZero();
        assertThat(run.transcript()).contains("<-  250");
        ThreadMessage in = threads.messages(lead, null, 10).messages().getFirst();
        assertThat(in.kind()).isEqualTo(MessageKind.EMAIL_IN);
        assertThat(in.authorAddress()).isEqualTo(from);
        assertThat(in.subject()).isEqualTo("Re: the quote");
        assertThat(in.body()).contains("Signed, see attachment.");
    }

    @Test
    void swaksIsRefusedAtRcptForAForeignDomainSoTheMxIsNoOpenRelay() throws Exception {
        Run run = swaks("--from", "spammer@example.org", "--to", "victim@example.com", "--body", "relay me");

        assertThat(run.exit()).as(run.transcript()).isNotZero();
        assertThat(run.transcript()).contains("RCPT TO:<victim@example.com>").containsPattern("<\\*\\* +550");
    }

    @Test
    void anAttachmentAboveTheSizeLimitIsRefusedWith552AndNothingIsStored() throws Exception {
        Path big = Files.createTempFile("swaks-big", ".bin");
        try {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            long limit = mail.settings().maxMessageBytes();
            try (var out = Files.newOutputStream(big)) {
                for (long written = 0; written <= limit; written += chunk.length) {
                    out.write(chunk);
                }
            }
            String marker = "oversize-" + data.run;
            long before = jdbc.sql("select count(*) from mail_inbound").query(Long.class).single();

            Run run = swaks("--from", data.address("big"), "--to", "anyone@localhost", "--header", "Subject: " + marker,
                    "--attach", big.toString());

            assertThat(run.exit()).isNotZero();
            assertThat(run.transcript()).containsPattern("<\\*\\* +552");
            assertThat(jdbc.sql("select count(*) from mail_inbound").query(Long.class).single()).isEqualTo(before);
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
