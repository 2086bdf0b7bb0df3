package io.tidings.mail;

import io.tidings.ApiClient;
import io.tidings.WebSession;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailServersApiTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailServerStore store;

    ApiClient api;
    String admin;
    String marketer;
    String viewer;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = accounts.createToken("mail-admin-" + run, Role.ADMIN, null).secret();
        marketer = accounts.createToken("mail-marketer-" + run, Role.MARKETER, null).secret();
        viewer = accounts.createToken("mail-viewer-" + run, Role.VIEWER, null).secret();
    }

    @AfterEach
    void cleanUp() {
        // a server left active would receive the mail of every other test
        jdbc.sql("delete from mail_servers where name like 'api-%'").update();
    }

    @Test
    void anAdminAddsListsDisablesAndDeletesAServerAndNeverSeesThePassword() throws Exception {
        String name = "api-relay-" + run;
        var created = api.call("POST", "/api/v1/mail/servers", admin, """
                {"name": "%s", "host": "smtp.example.com", "port": 587, "security": "starttls",
                 "username": "mailer", "password": "very-secret-password", "priority": 5, "active": false}""".formatted(name));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("very-secret-password").contains("••••");
        long id = ApiClient.json(created).get("id").asLong();

        var list = api.call("GET", "/api/v1/mail/servers", admin, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name).doesNotContain("very-secret-password");
        assertThat(store.find(id).orElseThrow().target().password()).isEqualTo("very-secret-password");

        JsonNode enabled = ApiClient.json(api.call("PATCH", "/api/v1/mail/servers/" + id, admin, "{\"active\": true}"));
        assertThat(enabled.get("active").asBoolean()).isTrue();
        assertThat(enabled.get("security").asString()).isEqualTo("starttls");
        api.call("PATCH", "/api/v1/mail/servers/" + id, admin, "{\"active\": false}");

        assertThat(api.call("DELETE", "/api/v1/mail/servers/" + id, admin, null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", "/api/v1/mail/servers/" + id, admin, null).statusCode()).isEqualTo(404);
    }

    @Test
    void viewersAndMarketersMayNeitherReadNorChangeServers() throws Exception {
        for (String token : new String[]{viewer, marketer}) {
            var get = api.call("GET", "/api/v1/mail/servers", token, null);
            assertThat(get.statusCode()).isEqualTo(403);
            assertThat(get.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(api.call("POST", "/api/v1/mail/servers", token,
                    "{\"name\": \"api-no-" + run + "\", \"host\": \"h.example.com\"}").statusCode()).isEqualTo(403);
        }
        assertThat(api.call("GET", "/api/v1/mail/servers", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsA422OrA400ThatSaysWhatIsWrongAndStoresNothing() throws Exception {
        Map<String, String> bad = Map.of(
                "{\"name\": \"api-b1-" + run + "\", \"host\": \"h.example.com\", \"security\": \"ssl3\"}", "security must be none, starttls or tls",
                "{\"name\": \"api-b2-" + run + "\", \"host\": \"h.example.com\", \"port\": 70000}", "port must be 1 to 65535",
                "{\"name\": \"api-b3-" + run + "\"}", "host is required",
                "{\"name\": \"api-b4-" + run + "\", \"host\": \"h.example.com\\r\\nX: y\"}", "no line breaks",
                "{\"name\": \"api-b5-" + run + "\", \"host\": \"h.example.com\", \"password\": \"p\"}", "a password needs a user name",
                "{\"name\": \"environment\", \"host\": \"h.example.com\"}", "TIDINGS_SMTP_URL");
        for (var e : bad.entrySet()) {
            var r = api.call("POST", "/api/v1/mail/servers", admin, e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(422);
            assertThat(ApiClient.json(r).get("detail").asString()).contains(e.getValue());
        }
        var malformed = api.call("POST", "/api/v1/mail/servers", admin, "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        String dup = "{\"name\": \"api-dup-" + run + "\", \"host\": \"h.example.com\", \"active\": false}";
        assertThat(api.call("POST", "/api/v1/mail/servers", admin, dup).statusCode()).isEqualTo(201);
        assertThat(api.call("POST", "/api/v1/mail/servers", admin, dup).statusCode()).isEqualTo(409);
        assertThat(api.call("PATCH", "/api/v1/mail/servers/999999999", admin, "{\"active\": true}").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from mail_servers where name like :p").param("p", "api-b%-" + run)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theServerFromTheEnvironmentIsListedFirstWithItsPasswordMasked() {
        MailSettings withUrl = new MailSettings("mail.tidings.test", null, "Tidings", null,
                "smtp://envuser:env-password@relay.example.com:2587?starttls=true", false, "127.0.0.1", 0, 1 << 20,
                Map.of(), 3, Duration.ofMinutes(1));
        SmtpServers servers = new SmtpServers(store, withUrl);

        MailServer first = servers.list().getFirst();
        assertThat(first.source()).isEqualTo("environment");
        assertThat(first.host()).isEqualTo("relay.example.com");
        assertThat(first.port()).isEqualTo(2587);
        assertThat(first.security()).isEqualTo(MailSecurity.STARTTLS);
        assertThat(first.password()).isEqualTo("••••");
        assertThat(servers.sendingOrder()).anyMatch(SmtpTarget::fromEnvironment);
    }

    @Test
    void theSettingsPageIsForAdminsAndItsFormsAddDisableAndDelete() throws Exception {
        String name = "api-page-" + run;
        WebSession page = new WebSession(port);
        page.login("admin", "test-admin-password");
        String csrf = page.csrfFrom("/settings/mail-servers");
        assertThat(page.get("/settings").body()).contains("/settings/mail-servers");

        var added = page.postForm("/settings/mail-servers", Map.of("_csrf", csrf, "name", name, "host", "smtp.example.com",
                "port", "465", "security", "tls", "username", "u", "password", "page-secret-123"));
        assertThat(added.statusCode()).isEqualTo(302);
        String body = page.get("/settings/mail-servers").body();
        assertThat(body).contains(name).contains("smtp.example.com:465").doesNotContain("page-secret-123");
        long id = jdbc.sql("select id from mail_servers where name = :n").param("n", name).query(Long.class).single();

        page.postForm("/settings/mail-servers/" + id + "/disable", Map.of("_csrf", csrf));
        assertThat(store.find(id).orElseThrow().active()).isFalse();
        var bad = page.postForm("/settings/mail-servers", Map.of("_csrf", csrf, "name", name + "x", "host", "h", "port", "x"));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(page.get("/settings/mail-servers").body()).contains("port must be a whole number");
        page.postForm("/settings/mail-servers/" + id + "/delete", Map.of("_csrf", csrf));
        assertThat(store.find(id)).isEmpty();

        String user = "mailviewer-" + run;
        accounts.createUser(user, user, null, "viewer-password-" + run, Role.VIEWER);
        WebSession viewerPage = new WebSession(port);
        viewerPage.login(user, "viewer-password-" + run);
        var denied = viewerPage.get("/settings/mail-servers");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Only admins manage mail servers");
    }
}
