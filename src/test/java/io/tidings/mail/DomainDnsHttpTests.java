package io.tidings.mail;

import io.tidings.ApiClient;
import io.tidings.WebSession;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DnsStubTest
class DomainDnsHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    MailApi mail;

    private final DnsStub dns = DnsStub.shared();
    private ApiClient api;

    @BeforeEach
    void client() {
        dns.reset();
        api = new ApiClient(port);
    }

    private String token(Role role) {
        return accounts.createToken("dns-" + role.key() + "-" + UUID.randomUUID(), role, null).secret();
    }

    @Test
    void aViewerReadsTheRecordsToPublishWithTheDkimKeyInZoneFileForm() throws Exception {
        var response = api.call("GET", "/api/v1/mail/domain", token(Role.VIEWER), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = ApiClient.json(response);
        assertThat(report.get("domain").asString()).isEqualTo("shop.example");
        assertThat(report.get("checks").size()).isZero();
        assertThat(report.get("records").valueStream().map(r -> r.get("kind").asString())).containsExactly("SPF", "DKIM", "DMARC", "MX");
        JsonNode dkim = report.at("/records/1");
        assertThat(dkim.get("name").asString()).isEqualTo("t1._domainkey.shop.example");
        assertThat(dkim.get("value").asString()).isEqualTo(mail.dkimKey().txtRecord());
        StringBuilder joined = new StringBuilder();
        dkim.get("strings").valueStream().forEach(s -> {
            assertThat(s.asString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            joined.append(s.asString());
        });
        assertThat(dkim.get("strings").size()).isGreaterThan(1);
        assertThat(joined.toString()).isEqualTo(dkim.get("value").asString());
        assertThat(dkim.get("zoneFile").asString()).startsWith("t1._domainkey.shop.example. 3600 IN TXT (\n    \"v=DKIM1; k=rsa; p=");
        assertThat(report.at("/records/0/value").asString()).isEqualTo("v=spf1 a mx ~all");
        assertThat(report.at("/records/2/value").asString()).isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc@shop.example");
        assertThat(report.at("/records/3/zoneFile").asString()).isEqualTo("shop.example. 3600 IN MX 10 mx.shop.example.");
    }

    @Test
    void checkTrueAddsTheLiveStatusOfEachRecord() throws Exception {
        dns.txt("shop.example", "v=spf1 mx a ~all").mx("shop.example", 10, "mx.shop.example");

        JsonNode report = ApiClient.json(api.call("GET", "/api/v1/mail/domain?check=true", token(Role.MARKETER), null));

        assertThat(report.get("checks").valueStream().map(c -> c.get("kind").asString() + "=" + c.get("status").asString()))
                .containsExactly("SPF=OK", "DKIM=MISSING", "DMARC=MISSING", "MX=OK");
        assertThat(report.at("/checks/1/message").asString()).contains("No DKIM key at t1._domainkey.shop.example");
        assertThat(report.get("checkedAt").isNull()).isFalse();
    }

    @Test
    void aBadCheckValueIsAProblemAndNoTokenIsUnauthorized() throws Exception {
        var bad = api.call("GET", "/api/v1/mail/domain?check=maybe", token(Role.VIEWER), null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

        assertThat(api.call("GET", "/api/v1/mail/domain", null, null).statusCode()).isEqualTo(401);
        assertThat(api.call("POST", "/api/v1/mail/domain", token(Role.ADMIN), "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void theCheckButtonNeedsTheSessionsCsrfTokenAndThenAnswersWithTheCheckedTable() throws Exception {
        String user = "dns-viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(user, "DNS viewer", null, "viewer-password-123", Role.VIEWER);
        dns.txt("shop.example", "v=spf1 a mx ~all").txt("shop.example", "v=spf1 -all");
        WebSession web = new WebSession(port);
        assertThat(web.login(user, "viewer-password-123")).endsWith("/");

        assertThat(web.get("/mail/domain").body()).contains("Check DNS now").contains("Not checked yet");
        assertThat(web.postForm("/mail/domain/check", Map.of()).statusCode()).isEqualTo(403);

        String csrf = web.csrfFrom("/mail/domain");
        HttpResponse<String> plain = web.postForm("/mail/domain/check", Map.of("_csrf", csrf));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location").orElse("")).endsWith("/mail/domain?check=true");
        String fragment = web.postForm("/mail/domain/check", Map.of("_csrf", csrf), "HX-Request", "true").body();
        assertThat(fragment).doesNotContain("<html").contains("id=\"dns-table\"").contains("MISMATCH")
                .contains("2 SPF records");
    }
}
