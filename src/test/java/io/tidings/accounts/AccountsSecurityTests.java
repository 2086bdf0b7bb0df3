package io.tidings.accounts;

import io.tidings.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsSecurityTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenIsStoredOnlyAsItsHash() {
        NewToken t = accounts.createToken("hash-check-" + UUID.randomUUID(), Role.VIEWER, null);
        long leaks = jdbc.sql("select count(*) from api_tokens where name = :s or prefix = :s or encode(token_hash, 'escape') = :s")
                .param("s", t.secret()).query(Long.class).single();
        assertThat(leaks).isZero();
        assertThat(accounts.authenticate(t.secret())).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.VIEWER));
    }

    @Test
    void anUnknownTokenIsUnauthorisedWithProblemJson() throws Exception {
        var r = call("GET", "/api/v1/contacts", "tid_not-a-real-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"status\":401");
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        NewToken t = accounts.createToken("revoke-" + UUID.randomUUID(), Role.ADMIN, null);
        assertThat(call("GET", "/actuator/prometheus", t.secret()).statusCode()).isEqualTo(200);
        accounts.revokeToken(t.token().id());
        assertThat(call("GET", "/actuator/prometheus", t.secret()).statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerMayReadButNotWrite() throws Exception {
        String viewer = accounts.createToken("viewer-" + UUID.randomUUID(), Role.VIEWER, null).secret();
        assertThat(call("POST", "/api/v1/contacts", viewer).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/actuator/prometheus", viewer).statusCode()).isEqualTo(403);
    }

    @Test
    void metricsAreServedToAnAdminToken() throws Exception {
        String admin = accounts.createToken("metrics-" + UUID.randomUUID(), Role.ADMIN, null).secret();
        var r = call("GET", "/actuator/prometheus", admin);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theLoginFormSignsInWithTheRightPasswordOnly() throws Exception {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(name, "Test", null, "correct-horse-battery", Role.MARKETER);
        assertThat(new WebSession(port).login(name, "wrong-password!")).contains("/login?error");
        WebSession ok = new WebSession(port);
        assertThat(ok.login(name, "correct-horse-battery")).doesNotContain("error");
        assertThat(ok.get("/settings").statusCode()).isEqualTo(200);
    }

    @Test
    void loginIsRefusedAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(name, "Throttled", null, "correct-horse-battery", Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(new WebSession(port).login(name, "wrong-" + i)).contains("error");
        }
        assertThat(new WebSession(port).login(name, "correct-horse-battery")).contains("error");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsForbidden() throws Exception {
        WebSession admin = new WebSession(port);
        assertThat(admin.login("admin", "test-admin-password")).doesNotContain("error");
        var r = admin.postForm("/settings/tokens", Map.of("name", "no-csrf", "role", "viewer"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(accounts.tokens()).noneMatch(t -> t.name().equals("no-csrf"));
    }

    @Test
    void onlyAnAdminSeesTheUserSettings() throws Exception {
        String name = "m" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(name, "Marketer", null, "correct-horse-battery", Role.MARKETER);
        WebSession marketer = new WebSession(port);
        marketer.login(name, "correct-horse-battery");
        assertThat(marketer.get("/settings/users").statusCode()).isEqualTo(403);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        var r = new WebSession(port).get("/contacts");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
