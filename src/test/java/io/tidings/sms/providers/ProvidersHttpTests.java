package io.tidings.sms.providers;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.sms.SmsProvidersSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static io.tidings.sms.WebhookClient.send;
import static io.tidings.sms.WebhookClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

@SmsProvidersSpringTest
class ProvidersHttpTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;

    private String admin;
    private String viewer;

    @BeforeEach
    void tokens() {
        admin = accounts.createToken(unique("providers-admin"), Role.ADMIN, null).secret();
        viewer = accounts.createToken(unique("providers-viewer"), Role.VIEWER, null).secret();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return token == null
                ? send(method, "http://127.0.0.1:" + port + path, "application/json", body)
                : send(method, "http://127.0.0.1:" + port + path, "application/json", body, "Authorization", "Bearer " + token);
    }

    @Test
    void anAdminAddsAProviderAndEveryoneSeesItWithSecretsMasked() throws Exception {
        String name = unique("vonage-http");
        var created = call("POST", "/api/v1/sms/providers", admin, """
                {"kind":"vonage","name":"%s","config":{"apiKey":"key-1","apiSecret":"api-secret-value-9876",
                 "signatureSecret":"sig-secret-value-5555","from":"Tidings"}}""".formatted(name));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode provider = JSON.readTree(created.body());
        assertThat(provider.get("kind").stringValue()).isEqualTo("vonage");
        assertThat(provider.get("enabled").asBoolean()).isTrue();
        assertThat(provider.at("/config/apiSecret").stringValue()).isEqualTo("••••9876");
        assertThat(provider.at("/config/signatureSecret").stringValue()).isEqualTo("••••5555");
        var list = call("GET", "/api/v1/sms/providers", viewer, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name).doesNotContain("api-secret-value-9876").doesNotContain("sig-secret-value-5555");
        var one = call("GET", "/api/v1/sms/providers/" + provider.get("id").asLong(), viewer, null);
        assertThat(JSON.readTree(one.body()).at("/config/apiKey").stringValue()).isEqualTo("key-1");
    }

    @Test
    void anAdminDisablesAndRenamesAProviderWithPatch() throws Exception {
        long id = JSON.readTree(call("POST", "/api/v1/sms/providers", admin,
                "{\"kind\":\"sandbox\",\"name\":\"" + unique("sandbox-http") + "\"}").body()).get("id").asLong();
        String renamed = unique("renamed");

        var patched = call("PATCH", "/api/v1/sms/providers/" + id, admin, "{\"name\":\"" + renamed + "\",\"enabled\":false}");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(patched.body()).get("name").stringValue()).isEqualTo(renamed);
        assertThat(JSON.readTree(patched.body()).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void onlyAdminsMayAddOrChangeProviders() throws Exception {
        String marketer = accounts.createToken(unique("providers-marketer"), Role.MARKETER, null).secret();
        String body = "{\"kind\":\"sandbox\",\"name\":\"" + unique("nope") + "\"}";

        assertThat(call("POST", "/api/v1/sms/providers", viewer, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/sms/providers", marketer, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/sms/providers", null, body).statusCode()).isEqualTo(401);
        assertThat(call("PATCH", "/api/v1/sms/providers/1", marketer, "{\"enabled\":false}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/sms/providers", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() throws Exception {
        var unknownKind = call("POST", "/api/v1/sms/providers", admin, "{\"kind\":\"pigeon\",\"name\":\"" + unique("p") + "\"}");
        assertThat(unknownKind.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknownKind.body()).get("field").stringValue()).isEqualTo("kind");
        var badConfig = call("POST", "/api/v1/sms/providers", admin,
                "{\"kind\":\"twilio\",\"name\":\"" + unique("t") + "\",\"config\":{\"accountSid\":\"AC1\",\"authToken\":\"x\",\"concurrency\":900}}");
        assertThat(badConfig.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badConfig.body()).get("field").stringValue()).isEqualTo("config.concurrency");
        String taken = unique("taken");
        call("POST", "/api/v1/sms/providers", admin, "{\"kind\":\"sandbox\",\"name\":\"" + taken + "\"}");
        assertThat(call("POST", "/api/v1/sms/providers", admin, "{\"kind\":\"sandbox\",\"name\":\"" + taken + "\"}").statusCode())
                .isEqualTo(409);
        assertThat(call("PATCH", "/api/v1/sms/providers/" + Long.MAX_VALUE, admin, "{\"enabled\":true}").statusCode()).isEqualTo(404);
        var malformed = call("POST", "/api/v1/sms/providers", admin, "{\"kind\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/sms/providers/abc", viewer, null).statusCode()).isEqualTo(400);
    }
}
