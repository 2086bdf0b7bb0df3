package io.tidings.mail;

import io.tidings.WebSession;
import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentEntry;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.dispatch.OutgoingMessage;
import io.tidings.dispatch.Traffic;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTests extends MailTestSupport {

    private static final Pattern HTTP_LINK = Pattern.compile("<(https?://[^>]+/mail/unsubscribe/([^>]+))>");

    @Autowired
    ContactsApi contacts;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void marketingMailCarriesOneClickUnsubscribeHeadersThatAreSigned() throws Exception {
        String a = address("list");
        long contact = contacts.create(NewContact.of("Subscriber " + run, a, null)).id();
        enqueueMarketing(a, contact);

        MimeMessage got = awaitReceived(a, 1).getFirst();

        String header = got.getHeader("List-Unsubscribe", null).replaceAll("\\s+", " ");
        assertThat(header).matches("<http://localhost:8080/mail/unsubscribe/[^>]+>, <mailto:unsubscribe@mail\\.tidings\\.test\\?subject=unsubscribe%20[^>]+>");
        assertThat(got.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String signature = got.getHeader("DKIM-Signature", null).replaceAll("\\s", "").toLowerCase();
        String signed = java.util.Arrays.stream(signature.split(";")).filter(t -> t.startsWith("h=")).findFirst().orElseThrow();
        assertThat(signed.substring(2).split(":")).contains("list-unsubscribe", "list-unsubscribe-post");
        assertThat(dkimVerifies(raw(got))).isTrue();
    }

    @Test
    void transactionalMailHasNoUnsubscribeHeader() throws Exception {
        String a = address("receipt");
        dispatch.enqueue(OutgoingMessage.of(MailApi.CHANNEL, a, EmailPayload.transactional(a, "Receipt", "Paid").json(),
                "mailtest-receipt-" + run));

        assertThat(awaitReceived(a, 1).getFirst().getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void getShowsAConfirmationAndChangesNothingWhilePostOptsTheContactOut() throws Exception {
        String a = address("leaver");
        long contact = contacts.create(NewContact.of("Leaver " + run, a, null)).id();
        enqueueMarketing(a, contact);
        Matcher link = HTTP_LINK.matcher(awaitReceived(a, 1).getFirst().getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        String path = "/mail/unsubscribe/" + link.group(2);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(a).contains("method=\"post\"").contains("id=\"unsubscribe\"");
        assertThat(contacts.get(contact).emailConsent()).isNotEqualTo(ConsentState.OPTED_OUT);

        // what a mail client sends for List-Unsubscribe-Post: no cookie, no CSRF token, no login
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("unsubscribed");
        assertThat(contacts.get(contact).emailConsent()).isEqualTo(ConsentState.OPTED_OUT);
        List<ConsentEntry> log = contacts.consentLog(contact);
        assertThat(log.getLast().toString()).contains("one-click");
        assertThat(contacts.canReceiveMarketing(contact, Channel.EMAIL)).isFalse();

        // twice is harmless and logs nothing more
        http.send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(contacts.consentLog(contact)).hasSize(log.size());
    }

    @Test
    void mailingTheMailtoOfListUnsubscribeBackToTheMxOptsTheContactOutAndAForgedOneChangesNothing() throws Exception {
        String a = address("mailto-leaver");
        long contact = contacts.create(NewContact.of("Mailto Leaver " + run, a, null)).id();
        enqueueMarketing(a, contact);
        Matcher mailto = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>")
                .matcher(awaitReceived(a, 1).getFirst().getHeader("List-Unsubscribe", null));
        assertThat(mailto.find()).isTrue();
        String to = mailto.group(1);
        String subject = java.net.URLDecoder.decode(mailto.group(2), java.nio.charset.StandardCharsets.UTF_8);
        String forged = subject.substring(0, subject.lastIndexOf('.') + 1) + "0".repeat(20);

        // a mail client answers the mailto: with the subject it names; first a forged token
        assertThat(SmtpTalk.deliver(mail.inboundPort(), a, to, "From: " + a + "\r\nTo: " + to + "\r\nSubject: " + forged
                + "\r\nMessage-ID: <forged-" + run + "@example.org>\r\n\r\nplease\r\n")).startsWith("250");
        assertThat(contacts.get(contact).emailConsent()).isNotEqualTo(ConsentState.OPTED_OUT);

        assertThat(SmtpTalk.deliver(mail.inboundPort(), a, to, "From: " + a + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <mailto-" + run + "@example.org>\r\n\r\nplease\r\n")).startsWith("250");
        assertThat(contacts.get(contact).emailConsent()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(contacts.consentLog(contact).getLast().toString()).contains("mailto");
        assertThat(mail.inboundMail(null, 20)).anySatisfy(m -> {
            assertThat(m.route()).isEqualTo("unsubscribe");
            assertThat(m.routeDetail()).contains(a);
        });
    }

    @Test
    void anAddressThatIsNoContactGoesOnTheBlocklist() throws Exception {
        String a = address("stranger");
        String token = mail.unsubscribeUrl(a).substring(mail.unsubscribeUrl(a).lastIndexOf('/') + 1);

        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base() + "/mail/unsubscribe/" + token))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(contacts.isBlocked(Channel.EMAIL, a)).isTrue();
    }

    @Test
    void aForgedOrDamagedTokenGetsAClearPageAndChangesNothing() throws Exception {
        String a = address("victim");
        long contact = contacts.create(NewContact.of("Victim " + run, a, null)).id();
        String good = mail.unsubscribeUrl(a).substring(mail.unsubscribeUrl(a).lastIndexOf('/') + 1);
        String forged = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");

        for (String token : List.of(forged, "nonsense", "bm90LXNpZ25lZA.0000")) {
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base() + "/mail/unsubscribe/" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base() + "/mail/unsubscribe/" + token))
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(400);
            assertThat(post.statusCode()).isEqualTo(400);
            assertThat(post.body()).contains("not valid");
        }
        assertThat(contacts.get(contact).emailConsent()).isNotEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void theOtherWebPagesStillNeedALoginAndACsrfToken() throws Exception {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/settings/mail-servers").statusCode()).isEqualTo(302);
        WebSession admin = new WebSession(port);
        admin.login("admin", "test-admin-password");
        assertThat(admin.postForm("/settings/mail-servers", java.util.Map.of("name", "x", "host", "h")).statusCode())
                .isEqualTo(403);
    }

    private void enqueueMarketing(String a, long contact) {
        dispatch.enqueue(new OutgoingMessage(MailApi.CHANNEL, null, a, EmailPayload.marketing(a, contact, "News", "Our news", null).json(),
                Traffic.MARKETING, "mailtest-marketing-" + run + "-" + a, 0, null));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
