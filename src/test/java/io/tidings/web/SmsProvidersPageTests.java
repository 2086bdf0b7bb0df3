package io.tidings.web;

import io.tidings.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsProvidersPageTests {

    @LocalServerPort
    int port;

    @Test
    void anAdminAddsATwilioProviderAndItsTokenIsShownMasked() throws Exception {
        WebSession admin = new WebSession(port);
        admin.login("admin", "test-admin-password");
        String name = "twilio-" + UUID.randomUUID().toString().substring(0, 8);
        String csrf = admin.csrfFrom("/sms/providers");
        var r = admin.postForm("/sms/providers", Map.of("_csrf", csrf, "kind", "twilio", "name", name,
                "config", "{\"accountSid\":\"AC0123456789abcdef0123456789abcdef\",\"authToken\":\"secret-token-9876\",\"from\":\"+15005550006\"}"));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = admin.get("/sms/providers").body();
        assertThat(page).contains(name).contains("9876").doesNotContain("secret-token-9876");
        assertThat(page).contains("sandbox");
    }

    @Test
    void settingsThatAreNotJsonGiveAClearErrorAndAddNothing() throws Exception {
        WebSession admin = new WebSession(port);
        admin.login("admin", "test-admin-password");
        String name = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postForm("/sms/providers", Map.of("_csrf", admin.csrfFrom("/sms/providers"), "kind", "twilio",
                "name", name, "config", "{not json"));
        String page = admin.get("/sms/providers").body();
        assertThat(page).contains("not valid JSON").doesNotContain("<td>" + name + "</td>");
    }
}
