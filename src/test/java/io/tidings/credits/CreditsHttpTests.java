package io.tidings.credits;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CreditsSpringTest
class CreditsHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    MutableClock clock;

    private String admin;
    private String viewer;

    @BeforeEach
    void tokensAndClock() {
        clock.set(MutableClock.START);
        admin = accounts.createToken("credits-admin-" + UUID.randomUUID(), Role.ADMIN, null).secret();
        viewer = accounts.createToken("credits-viewer-" + UUID.randomUUID(), Role.VIEWER, null).secret();
    }

    @Test
    void anAdminTopUpIsALotAtItsTierPriceAndShowsInTheBalance() throws Exception {
        long before = JSON.readTree(call("GET", "/api/v1/credits", viewer, null).body()).at("/balance/available").asLong();
        String reference = "order-" + UUID.randomUUID();

        var created = call("POST", "/api/v1/credits/topups", admin, "{\"messages\":15000,\"reference\":\"" + reference + "\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode lot = JSON.readTree(created.body());
        assertThat(lot.get("priceFen").asLong()).isEqualTo(69_000);
        assertThat(lot.get("unitPriceTenthFen").asInt()).isEqualTo(46);
        assertThat(lot.get("tier").asString()).isEqualTo("FROM_15000");
        JsonNode overview = JSON.readTree(call("GET", "/api/v1/credits", viewer, null).body());
        assertThat(overview.at("/balance/available").asLong()).isEqualTo(before + 15_000);
        assertThat(overview.get("lots").valueStream().map(l -> l.get("reference").asString())).contains(reference);
        JsonNode ledger = JSON.readTree(call("GET", "/api/v1/credits/ledger?limit=5", viewer, null).body());
        assertThat(ledger.at("/entries/0/kind").asString()).isEqualTo("TOPUP");
        assertThat(ledger.at("/entries/0/available").asLong()).isEqualTo(15_000);
    }

    @Test
    void aViewerOrMarketerMayReadCreditsButNotTopUp() throws Exception {
        String marketer = accounts.createToken("credits-marketer-" + UUID.randomUUID(), Role.MARKETER, null).secret();
        String body = "{\"messages\":100,\"reference\":\"nope-" + UUID.randomUUID() + "\"}";
        assertThat(call("GET", "/api/v1/credits", viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/credits/ledger", viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/credits/topups", viewer, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/credits/topups", marketer, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/credits/topups", null, body).statusCode()).isEqualTo(401);
    }

    @Test
    void aQuoteNamesTheTierUnitPriceAndTotal() throws Exception {
        var r = call("GET", "/api/v1/credits/quote?messages=10001", viewer, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode quote = JSON.readTree(r.body());
        assertThat(quote.get("tier").asString()).isEqualTo("UNDER_15000");
        assertThat(quote.get("unitPriceTenthFen").asInt()).isEqualTo(48);
        assertThat(quote.get("totalFen").asLong()).isEqualTo(48_005);
        assertThat(quote.get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void badTopUpsAreProblemsNeverServerErrors() throws Exception {
        String ref = "\"reference\":\"bad-" + UUID.randomUUID() + "\"";
        for (String messages : new String[]{"0", "-5", "10000001", "1.5", "null"}) {
            var r = call("POST", "/api/v1/credits/topups", admin, "{\"messages\":" + messages + "," + ref + "}");
            assertThat(r.statusCode()).as("messages " + messages).isEqualTo(422);
            assertProblem(r);
        }
        assertThat(call("POST", "/api/v1/credits/topups", admin, "{\"messages\":100}").statusCode()).isEqualTo(422);
        for (String body : new String[]{"{\"messages\":\"abc\"," + ref + "}", "{\"messages\":", "[]"}) {
            var r = call("POST", "/api/v1/credits/topups", admin, body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertProblem(r);
        }
    }

    @Test
    void badQuotesAreProblemsNeverServerErrors() throws Exception {
        for (String messages : new String[]{"0", "-1", "10000001"}) {
            var r = call("GET", "/api/v1/credits/quote?messages=" + messages, viewer, null);
            assertThat(r.statusCode()).as(messages).isEqualTo(422);
            assertProblem(r);
        }
        for (String messages : new String[]{"abc", "1.5", "99999999999999999999", ""}) {
            var r = call("GET", "/api/v1/credits/quote?messages=" + messages, viewer, null);
            assertThat(r.statusCode()).as(messages).isEqualTo(400);
            assertProblem(r);
        }
        assertThat(call("GET", "/api/v1/credits/ledger?limit=0", viewer, null).statusCode()).isEqualTo(422);
    }

    private static void assertProblem(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + r.statusCode());
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
