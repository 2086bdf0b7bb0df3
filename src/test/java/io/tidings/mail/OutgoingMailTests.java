package io.tidings.mail;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.dispatch.DispatchedMessage;
import io.tidings.dispatch.MessageState;
import io.tidings.dispatch.OutgoingMessage;
import io.tidings.dispatch.QueuedMessage;
import io.tidings.dispatch.Traffic;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.threads.NewMessage;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingMailTests extends MailTestSupport {

    @Autowired
    ThreadsApi threads;
    @Autowired
    RecordsApi records;
    @Autowired
    ContactsApi contacts;
    @Autowired
    MailTokens tokens;
    @Autowired
    EmailChannel channel;

    @Test
    void aThreadEmailArrivesWithSenderReplyTokenVerpAndAValidDkimSignature() throws Exception {
        RecordRef lead = RecordRef.lead(records.createLead(NewLead.named("Mail lead " + run)).id());
        String client = address("client");

        ThreadMessage first = threads.post(lead, NewMessage.email("admin", "Our offer", "Here is our offer: 100 €.", List.of(client)));
        MimeMessage got = awaitReceived(client, 1).getFirst();

        assertThat(got.getHeader("From", null)).isEqualTo("Tidings <notifications@mail.tidings.test>");
        assertThat(got.getHeader("Reply-To", null)).isEqualTo(tokens.replyAddress(lead));
        assertThat(tokens.parseReply(got.getHeader("Reply-To", null))).contains(lead);
        assertThat(got.getHeader("Message-ID", null)).isEqualTo(first.messageId()).endsWith("@mail.tidings.test>");
        assertThat(got.getHeader("In-Reply-To")).isNull();
        assertThat(got.getSubject()).isEqualTo("Our offer");
        assertThat(got.getHeader("Content-Transfer-Encoding", null)).isEqualTo("quoted-printable");
        assertThat(got.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) got.getContent()).contains("100 €");

        long dispatchId = dispatchIdOf(first, client);
        // GreenMail writes the envelope sender (MAIL FROM) it recorded as Return-Path
        assertThat(got.getHeader("Return-Path", null)).isEqualTo("<" + tokens.bounceAddress(dispatchId) + ">");
        assertThat(tokens.parseBounce(got.getHeader("Return-Path", null))).contains(dispatchId);
        DispatchedMessage queued = dispatch.find(dispatchId).orElseThrow();
        assertThat(queued.state()).isEqualTo(MessageState.SENT);
        assertThat(queued.providerMessageId()).isEqualTo(tokens.bounceAddress(dispatchId));

        String signature = got.getHeader("DKIM-Signature", null);
        assertThat(signature).contains("d=mail.tidings.test", "s=tidings", "c=relaxed/relaxed", "a=rsa-sha256");
        String signedHeaders = java.util.Arrays.stream(signature.replaceAll("\\s", "").split(";"))
                .filter(tag -> tag.startsWith("h=")).findFirst().orElseThrow().substring(2).toLowerCase();
        assertThat(signedHeaders.split(":")).contains("from", "to", "subject", "date", "message-id", "reply-to",
                "mime-version", "content-type");
        byte[] raw = raw(got);
        assertThat(dkimVerifies(raw)).as("jDKIM accepts the signature").isTrue();
        String tampered = new String(raw, StandardCharsets.ISO_8859_1).replace("Here is our offer", "Here is our bill");
        assertThat(tampered).isNotEqualTo(new String(raw, StandardCharsets.ISO_8859_1));
        assertThat(dkimVerifies(tampered.getBytes(StandardCharsets.ISO_8859_1))).as("a changed body fails").isFalse();
    }

    @Test
    void aReplyInTheThreadCarriesInReplyToAndReferencesOfTheEarlierEmails() throws Exception {
        RecordRef lead = RecordRef.lead(records.createLead(NewLead.named("Thread lead " + run)).id());
        String client = address("threaded");

        ThreadMessage first = threads.post(lead, NewMessage.email("admin", "Question", "First.", List.of(client)));
        awaitReceived(client, 1);
        threads.post(lead, NewMessage.note("admin", "internal, no Message-ID"));
        ThreadMessage second = threads.post(lead, NewMessage.email("admin", "Re: Question", "Second.", List.of(client)));
        awaitReceived(client, 2);
        ThreadMessage third = threads.post(lead, NewMessage.email("admin", "Re: Question", "Third.", List.of(client)));
        List<MimeMessage> got = awaitReceived(client, 3);

        MimeMessage secondMail = byMessageId(got, second.messageId());
        assertThat(secondMail.getHeader("In-Reply-To", null)).isEqualTo(first.messageId());
        assertThat(secondMail.getHeader("References", null)).isEqualTo(first.messageId());
        MimeMessage thirdMail = byMessageId(got, third.messageId());
        assertThat(thirdMail.getHeader("In-Reply-To", null)).isEqualTo(second.messageId());
        assertThat(thirdMail.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo(first.messageId() + " " + second.messageId());
        assertThat(dkimVerifies(raw(thirdMail))).isTrue();
    }

    @Test
    void aBatchOfFiftyGoesOverAPooledConnectionNotOnePerMessage() {
        proxy.reset();
        List<OutgoingMessage> batch = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String a = address("batch" + i);
            to.add(a);
            batch.add(OutgoingMessage.of(MailApi.CHANNEL, a, EmailPayload.transactional(a, "Batch " + i, "Message " + i).json(),
                    "mailtest-batch-" + run + "-" + i));
        }
        List<Long> ids = dispatch.enqueueAll(batch);

        ids.forEach(id -> assertThat(awaitFinal(id).state()).isEqualTo(MessageState.SENT));
        to.forEach(a -> assertThat(receivedBy(a)).hasSize(1));
        // one per worker that claimed a share; the shared test database may have several contexts' workers
        assertThat(proxy.connections()).isBetween(1, 4);
    }

    @Test
    void aCampaignBatchGoesOutInParallelLanesEachMessageOnceAndRefusalsPerMessage() throws Exception {
        List<QueuedMessage> batch = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        String optedOut = address("camp-optout");
        long optedOutContact = contacts.create(NewContact.of("Camp Out " + run, optedOut, null)).id();
        contacts.changeConsent(optedOutContact, new ConsentChange(Channel.EMAIL, ConsentState.OPTED_OUT, "test", null, "test", null));
        String optedOutByAddress = address("camp-optout-addr");
        long byAddressContact = contacts.create(NewContact.of("Camp Out Addr " + run, optedOutByAddress, null)).id();
        contacts.changeConsent(byAddressContact, new ConsentChange(Channel.EMAIL, ConsentState.OPTED_OUT, "test", null, "test", null));
        String blocked = address("camp-blocked");
        contacts.block(Channel.EMAIL, blocked, "asked us to stop", "test");
        String bounced = address("camp-bounced");
        mail.addressHealth().recordBounce(bounced, true, "550 5.1.1 no such user");
        long id = 900_000_000L + Math.abs(run.hashCode() % 1_000_000) * 1_000L;
        for (int i = 0; i < 120; i++) {
            String a = address("camp" + i);
            fine.add(a);
            long contact = contacts.create(NewContact.of("Camp " + i + " " + run, a, null)).id();
            batch.add(queued(id++, a, EmailPayload.marketing(a, contact, "Sale " + i, "50% off for you, " + i, null)));
        }
        batch.add(queued(id++, optedOut, EmailPayload.marketing(optedOut, optedOutContact, "Sale", "x", null)));
        batch.add(queued(id++, optedOutByAddress, new EmailPayload(optedOutByAddress, "Sale", "x", null, null, null, null,
                null, true, null, null, null)));
        batch.add(queued(id++, blocked, EmailPayload.transactional(blocked, "Receipt", "x")));
        batch.add(queued(id++, bounced, EmailPayload.transactional(bounced, "Receipt", "x")));
        batch.add(queued(id++, "no-dot@localhost", EmailPayload.transactional("no-dot@localhost", "Receipt", "x")));
        assertThat(channel.lanes(batch.size())).as("a batch this size is split").isGreaterThan(1);
        proxy.reset();

        List<io.tidings.dispatch.SendResult> results = channel.send(batch);

        assertThat(results).hasSize(batch.size());
        assertThat(results.stream().map(io.tidings.dispatch.SendResult::messageId).distinct()).hasSize(batch.size());
        Map<String, io.tidings.dispatch.SendResult> byRecipient = new java.util.HashMap<>();
        for (io.tidings.dispatch.SendResult r : results) {
            QueuedMessage q = batch.stream().filter(m -> m.id() == r.messageId()).findFirst().orElseThrow();
            byRecipient.put(q.recipient(), r);
        }
        assertThat(byRecipient.get(optedOut)).isInstanceOf(io.tidings.dispatch.SendResult.Failed.class);
        assertThat(((io.tidings.dispatch.SendResult.Failed) byRecipient.get(optedOut)).reason()).contains("opted out");
        assertThat(((io.tidings.dispatch.SendResult.Failed) byRecipient.get(optedOutByAddress)).reason()).contains("opted out");
        assertThat(((io.tidings.dispatch.SendResult.Failed) byRecipient.get(blocked)).reason()).contains("blocklist");
        assertThat(((io.tidings.dispatch.SendResult.Failed) byRecipient.get(bounced)).reason()).contains("bounced");
        assertThat(((io.tidings.dispatch.SendResult.Failed) byRecipient.get("no-dot@localhost")).reason())
                .contains("not a valid email address");
        for (String a : fine) {
            assertThat(byRecipient.get(a)).as(a).isInstanceOf(io.tidings.dispatch.SendResult.Sent.class);
        }
        fine.forEach(a -> assertThat(receivedBy(a)).as("exactly once: " + a).hasSize(1));
        for (String refused : List.of(optedOut, optedOutByAddress, blocked, bounced)) {
            assertThat(receivedBy(refused)).isEmpty();
        }
        // the lanes' connections, some maybe reused from the pool: never one per message
        assertThat(proxy.connections()).isLessThanOrEqualTo(channel.lanes(batch.size()));
        MimeMessage one = receivedBy(fine.get(7)).getFirst();
        assertThat(one.getHeader("List-Unsubscribe", null)).contains("/mail/unsubscribe/");
        assertThat(dkimVerifies(raw(one))).isTrue();
    }

    @Test
    void whenTheFirstServerIsDownTheNextOneSends() throws Exception {
        useOnly(server("dead", deadPort(), 1), server("alive", proxy.port(), 2));
        String a = address("failover");

        long id = dispatch.enqueue(OutgoingMessage.of(MailApi.CHANNEL, a, EmailPayload.transactional(a, "Failover", "Hello").json(),
                "mailtest-failover-" + run));

        assertThat(awaitFinal(id).state()).isEqualTo(MessageState.SENT);
        assertThat(awaitReceived(a, 1)).hasSize(1);
    }

    @Test
    void bouncedAndBlocklistedAddressesAreFailedWithAReasonAndNotSent() {
        String bounced = address("bounced");
        String blocked = address("blocked");
        String fine = address("fine");
        mail.addressHealth().recordBounce(bounced, true, "550 5.1.1 no such user");
        contacts.block(Channel.EMAIL, blocked, "asked us to stop", "test");

        long b = enqueue(bounced, EmailPayload.transactional(bounced, "Hi", "Hello"), Traffic.TRANSACTIONAL);
        long k = enqueue(blocked, EmailPayload.transactional(blocked, "Hi", "Hello"), Traffic.TRANSACTIONAL);
        long f = enqueue(fine, EmailPayload.transactional(fine, "Hi", "Hello"), Traffic.TRANSACTIONAL);

        DispatchedMessage bm = awaitFinal(b);
        DispatchedMessage km = awaitFinal(k);
        assertThat(bm.state()).isEqualTo(MessageState.FAILED);
        assertThat(bm.lastError()).contains("bounced");
        assertThat(bm.attempts()).isEqualTo(1);
        assertThat(km.state()).isEqualTo(MessageState.FAILED);
        assertThat(km.lastError()).contains("blocklist");
        assertThat(awaitFinal(f).state()).isEqualTo(MessageState.SENT);
        awaitReceived(fine, 1);
        assertThat(receivedBy(bounced)).isEmpty();
        assertThat(receivedBy(blocked)).isEmpty();
    }

    @Test
    void marketingMailSkipsOptedOutContactsButTransactionalMailStillReachesThem() {
        String optedOut = address("optout");
        long contact = contacts.create(NewContact.of("Opted Out " + run, optedOut, null)).id();
        contacts.changeConsent(contact, new ConsentChange(Channel.EMAIL, ConsentState.OPTED_OUT, "test", null, "test", null));

        long marketing = enqueue(optedOut, EmailPayload.marketing(optedOut, contact, "Sale", "50% off", null), Traffic.MARKETING);
        // no contactId: found by address
        long byAddress = enqueue(optedOut, new EmailPayload(optedOut, "Sale", "50% off", null, null, null, null, null,
                true, null, null, null), Traffic.TRANSACTIONAL);
        long receipt = enqueue(optedOut, EmailPayload.transactional(optedOut, "Your receipt", "Paid."), Traffic.TRANSACTIONAL);

        assertThat(awaitFinal(marketing).state()).isEqualTo(MessageState.FAILED);
        assertThat(dispatch.find(marketing).orElseThrow().lastError()).contains("opted out");
        assertThat(awaitFinal(byAddress).state()).isEqualTo(MessageState.FAILED);
        assertThat(awaitFinal(receipt).state()).isEqualTo(MessageState.SENT);
        List<MimeMessage> got = awaitReceived(optedOut, 1);
        assertThat(got).hasSize(1);
    }

    @Test
    void aLineBreakInSubjectAddressOrSenderNameIsRefusedAndNotRetried() {
        String a = address("inject");
        long subject = enqueue(a, EmailPayload.transactional(a, "Hi\r\nBcc: victim@example.com", "x"), Traffic.TRANSACTIONAL);
        long name = enqueue(a, new EmailPayload(a, "Hi", "x", null, null, null, null, null, null, null,
                "Evil\nBcc: victim@example.com", null), Traffic.TRANSACTIONAL);
        long to = enqueue(a, EmailPayload.transactional(a + "\r\nBcc: victim@example.com", "Hi", "x"), Traffic.TRANSACTIONAL);
        long id = enqueue(a, new EmailPayload(a, "Hi", "x", null, null, "<a@b>\r\nBcc: victim@example.com", null, null,
                null, null, null, null), Traffic.TRANSACTIONAL);

        for (long m : List.of(subject, name, to, id)) {
            DispatchedMessage d = awaitFinal(m);
            assertThat(d.state()).isEqualTo(MessageState.FAILED);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).containsAnyOf("line break", "not a valid email address", "not an email address");
        }
        assertThat(receivedBy(a)).isEmpty();
        assertThat(receivedBy("victim@example.com")).isEmpty();
    }

    @Test
    void anHtmlAlternativeTravelsBesideTheTextAndBothAreQuotedPrintable() throws Exception {
        String a = address("html");
        enqueue(a, new EmailPayload(a, "Newsletter", "Plain text ü", "<p>Rich <b>text</b> ü</p>", null, null, null, null,
                null, null, "The Shop", null), Traffic.TRANSACTIONAL);

        MimeMessage got = awaitReceived(a, 1).getFirst();

        assertThat(got.getContentType()).startsWith("multipart/alternative");
        assertThat(got.getHeader("From", null)).isEqualTo("The Shop <notifications@mail.tidings.test>");
        String raw = new String(raw(got), StandardCharsets.US_ASCII);
        assertThat(raw).contains("Content-Type: text/plain; charset=UTF-8", "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable", "=C3=BC");
        assertThat(dkimVerifies(raw(got))).isTrue();
    }

    @Test
    void withNoServerConfiguredMailWaitsInTheQueueAndSaysWhy() {
        useOnly();
        String a = address("waiting");

        long id = enqueue(a, EmailPayload.transactional(a, "Later", "When a server exists"), Traffic.TRANSACTIONAL);

        await(() -> dispatch.find(id).orElseThrow().attempts() >= 1
                && dispatch.find(id).orElseThrow().state() == MessageState.QUEUED, java.time.Duration.ofSeconds(30), "a retry");
        assertThat(dispatch.find(id).orElseThrow().lastError()).contains("no SMTP server is configured");
        assertThat(dispatch.cancel(id)).isTrue();
    }

    private static QueuedMessage queued(long id, String to, EmailPayload payload) {
        return new QueuedMessage(id, MailApi.CHANNEL, null, to, payload.json(),
                Boolean.TRUE.equals(payload.marketing()) ? Traffic.MARKETING : Traffic.TRANSACTIONAL, "camp-" + id, 1, 5);
    }

    private long enqueue(String to, EmailPayload payload, Traffic traffic) {
        return dispatch.enqueue(new OutgoingMessage(MailApi.CHANNEL, null, to, payload.json(), traffic,
                "mailtest-" + java.util.UUID.randomUUID(), 0, null));
    }

    private long dispatchIdOf(ThreadMessage m, String to) {
        return jdbc.sql("select id from dispatch_messages where idempotency_key = :key")
                .param("key", "thread-" + m.id() + "-" + to).query(Long.class).single();
    }

    private static MimeMessage byMessageId(List<MimeMessage> all, String id) throws Exception {
        for (MimeMessage m : all) {
            if (id.equals(m.getHeader("Message-ID", null))) {
                return m;
            }
        }
        throw new AssertionError("no message " + id);
    }
}
