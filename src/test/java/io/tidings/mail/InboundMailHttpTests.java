package io.tidings.mail;

import io.tidings.ApiClient;
import io.tidings.WebSession;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import io.tidings.threads.RecordRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Incoming mail over the API and the admin pages: roles, CSRF, masked passwords, escaped raw mail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundMailHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    MailApi mail;
    @Autowired
    AccountsApi accounts;
    @Autowired
    ContactsApi contacts;
    @Autowired
    RecordsApi records;
    @Autowired
    JdbcClient jdbc;

    MailFixtures data;
    ApiClient api;
    String admin;
    String seller;

    @BeforeEach
    void setUp() {
        data = new MailFixtures(accounts, contacts, records, jdbc);
        api = new ApiClient(port);
        admin = accounts.createToken("mail-admin-" + data.run, Role.ADMIN, null).secret();
        seller = accounts.createToken("mail-seller-" + data.run, Role.SALESPERSON, null).secret();
    }

    @Test
    void mailboxesAreForAdminsAndTheirPasswordNeverComesBack() throws Exception {
        String body = """
                {"name":"support %s","host":"imap.example.org","port":993,"tls":true,"username":"support","password":"hunter2-%s"}
                """.formatted(data.run, data.run);

        HttpResponse<String> created = api.call("POST", "/api/v1/mail/mailboxes", admin, body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("hunter2");
        JsonNode json = ApiClient.json(created);
        assertThat(json.get("password").asString()).isEqualTo("********");
        assertThat(json.get("folder").asString()).isEqualTo("INBOX");
        assertThat(api.call("GET", "/api/v1/mail/mailboxes", admin, null).body()).contains("support " + data.run).doesNotContain("hunter2");

        assertThat(api.call("GET", "/api/v1/mail/mailboxes", seller, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", "/api/v1/mail/mailboxes", seller, body).statusCode()).isEqualTo(403);
        assertThat(api.call("GET", "/api/v1/mail/inbound", seller, null).statusCode()).isEqualTo(403);
        assertThat(api.call("GET", "/api/v1/mail/inbound", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> again = api.call("POST", "/api/v1/mail/mailboxes", admin, body);
        assertThat(again.statusCode()).isEqualTo(409);
        long id = json.get("id").asLong();
        HttpResponse<String> disabled = api.call("POST", "/api/v1/mail/mailboxes/" + id + "/disable", admin, null);
        assertThat(ApiClient.json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(api.call("POST", "/api/v1/mail/mailboxes/" + id + "/poll", admin, null).statusCode()).isEqualTo(409);
        assertThat(api.call("DELETE", "/api/v1/mail/mailboxes/" + id, admin, null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", "/api/v1/mail/mailboxes/" + id, admin, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadMailboxIsAProblemNotAServerError() throws Exception {
        HttpResponse<String> noHost = api.call("POST", "/api/v1/mail/mailboxes", admin,
                "{\"name\":\"x " + data.run + "\",\"username\":\"u\",\"password\":\"p\"}");
        assertThat(noHost.statusCode()).isEqualTo(422);
        assertThat(noHost.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(ApiClient.json(noHost).get("field").asString()).isEqualTo("host");

        HttpResponse<String> injected = api.call("POST", "/api/v1/mail/mailboxes", admin,
                "{\"name\":\"y " + data.run + "\",\"host\":\"imap.example.org\\r\\nX: y\",\"username\":\"u\",\"password\":\"p\"}");
        assertThat(injected.statusCode()).isEqualTo(422);
        assertThat(api.call("POST", "/api/v1/mail/mailboxes", admin, "{not json").statusCode()).isEqualTo(400);
        assertThat(api.call("POST", "/api/v1/mail/mailboxes", admin,
                "{\"name\":\"z " + data.run + "\",\"host\":\"h\",\"port\":70000,\"username\":\"u\",\"password\":\"p\"}").statusCode()).isEqualTo(422);
        assertThat(api.call("GET", "/api/v1/mail/inbound?limit=0", admin, null).statusCode()).isEqualTo(422);
    }

    @Test
    void inboundMailIsListedWithItsRouteAndItsRawBytesDownload() throws Exception {
        String messageId = "<api-" + data.run + "@example.org>";
        SmtpTalk.deliver(mail.inboundPort(), "who@example.org", "nobody@localhost",
                "From: who@example.org\r\nSubject: api " + data.run + "\r\nMessage-ID: " + messageId + "\r\n\r\nhello\r\n");
        InboundMail stored = data.inboundByMessageId(mail, messageId);

        assertThat(api.call("GET", "/api/v1/mail/inbound?route=catchall&limit=200", admin, null).body()).contains("api " + data.run);
        JsonNode one = ApiClient.json(api.call("GET", "/api/v1/mail/inbound/" + stored.id(), admin, null));
        assertThat(one.get("route").asString()).isEqualTo("catchall");
        HttpResponse<String> raw = api.call("GET", "/api/v1/mail/inbound/" + stored.id() + "/raw", admin, null);
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("message/rfc822");
        assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(raw.body()).contains("hello");
        assertThat(api.call("GET", "/api/v1/mail/inbound/999999999", admin, null).statusCode()).isEqualTo(404);
    }

    private String post(WebSession web, String path, String csrfFrom, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", web.csrfFrom(csrfFrom));
        HttpResponse<String> r = web.postForm(path, form);
        assertThat(r.statusCode()).as(path).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void anAdminAddsAMailboxOnTheMailboxesPageWithCsrfAndOthersMayNot() throws Exception {
        WebSession web = new WebSession(port);
        web.login("admin", "test-admin-password");
        post(web, "/mail/mailboxes", "/mail/mailboxes", Map.of("name", "web box " + data.run, "host", "imap.example.org",
                "port", "143", "username", "u", "password", "pw-secret-" + data.run, "folder", "Leads"));
        String page = web.get("/mail/mailboxes").body();
        assertThat(page).contains("web box " + data.run, "imap://imap.example.org:143", "********").doesNotContain("pw-secret-" + data.run);

        assertThat(web.postForm("/mail/mailboxes", Map.of("name", "no csrf " + data.run, "host", "h", "username", "u", "password", "p"))
                .statusCode()).isEqualTo(403);
        post(web, "/mail/mailboxes", "/mail/mailboxes", Map.of("name", "bad " + data.run, "host", "bad host!", "username", "u", "password", "p"));
        assertThat(web.get("/mail/mailboxes").body()).contains("is not a host name");

        String name = "seller-" + data.run;
        accounts.createUser(name, "Seller", null, "password-" + data.run, Role.SALESPERSON);
        WebSession sellerWeb = new WebSession(port);
        sellerWeb.login(name, "password-" + data.run);
        assertThat(sellerWeb.get("/mail/mailboxes").statusCode()).isEqualTo(403);
        assertThat(sellerWeb.get("/mail/inbound").statusCode()).isEqualTo(403);
    }

    @Test
    void theInboundPageListsTheCatchAllAndShowsAMailEscapedAndSanitised() throws Exception {
        String messageId = "<page-" + data.run + "@example.org>";
        SmtpTalk.deliver(mail.inboundPort(), "who@example.org", "nobody@localhost",
                "From: who@example.org\r\nSubject: stray " + data.run + "\r\nMessage-ID: " + messageId
                        + "\r\nContent-Type: text/html\r\n\r\n<p>Hi <script>alert('pwned')</script><b>there</b></p>\r\n");
        InboundMail stored = data.inboundByMessageId(mail, messageId);
        WebSession web = new WebSession(port);
        web.login("admin", "test-admin-password");

        assertThat(web.get("/mail/inbound").body()).contains("stray " + data.run, "id=\"catchall\"");
        String detail = web.get("/mail/inbound/" + stored.id()).body();
        assertThat(detail).contains("<b>there</b>", "&lt;script&gt;alert(")
                .doesNotContain("<script>alert");
        HttpResponse<String> raw = web.get("/mail/inbound/" + stored.id() + "/raw");
        assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    }

    @Test
    void anInboundReplyShowsOnTheLeadPageWithItsSender() throws Exception {
        RecordRef lead = data.lead("Page");
        String from = data.address("sender");
        String to = mail.tokens().replyAddress(lead);
        SmtpTalk.deliver(mail.inboundPort(), from, to, "From: " + from + "\r\nTo: " + to + "\r\nSubject: Re: page\r\n"
                + "Message-ID: <lp-" + data.run + "@example.org>\r\n\r\nSeen on the page " + data.run + "\r\n");
        WebSession web = new WebSession(port);
        web.login("admin", "test-admin-password");

        String page = web.get("/leads/" + lead.id()).body();

        assertThat(page).contains("kind-email_in", from, "email in", "Seen on the page " + data.run);
    }
}
