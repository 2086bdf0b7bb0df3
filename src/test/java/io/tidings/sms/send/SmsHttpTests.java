package io.tidings.sms.send;

import io.tidings.ApiClient;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsRate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static io.tidings.ApiClient.json;
import static io.tidings.ApiClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

class SmsHttpTests extends SmsSendTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;

    private ApiClient api;
    private String admin;
    private String marketer;
    private String sales;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        admin = accounts.createToken("sms-admin-" + UUID.randomUUID(), Role.ADMIN, null).secret();
        marketer = accounts.createToken("sms-marketer-" + UUID.randomUUID(), Role.MARKETER, null).secret();
        sales = accounts.createToken("sms-sales-" + UUID.randomUUID(), Role.SALESPERSON, null).secret();
    }

    private HttpResponse<String> csv(String path, String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRateCardWithABadRowIsRefusedWholeAndNamesTheLine() throws Exception {
        SmsProvider p = sandbox(cfg(""), 1_000);
        long before = sms.rates().size();
        String card = RateCards.HEADER + "\n" + p.id() + ",DE,marketing,long_code,0,0.0810,EUR\n"
                + p.id() + ",FR,marketing,long_code,0,cheap,EUR\n";

        HttpResponse<String> r = csv("/api/v1/sms/rates/import", admin, card);

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(r).get("detail").asString()).contains("line 3").contains("price 'cheap'");
        assertThat(sms.rates()).hasSize((int) before);
        assertThat(csv("/api/v1/sms/rates/import", marketer, card).statusCode()).as("rates are an admin's").isEqualTo(403);
    }

    @Test
    void aRateCardImportsExactlyAndExportsTheSame() throws Exception {
        SmsProvider p = sandbox(cfg(""), 1_000);
        String card = RateCards.HEADER + "\n" + p.id() + ",DE,marketing,long_code,0,0.081,EUR\n"
                + p.id() + ",DE,marketing,long_code,100000,0.0795,EUR\n";

        HttpResponse<String> r = csv("/api/v1/sms/rates/import", admin, card);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("imported").asInt()).isEqualTo(2);
        assertThat(sms.rates()).filteredOn(x -> x.providerId() == p.id() && x.country().equals("DE"))
                .extracting(SmsRate::minMonthlyVolume, SmsRate::priceMicros)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 81_000L), org.assertj.core.groups.Tuple.tuple(100_000L, 79_500L));
        String export = api.call("GET", "/api/v1/sms/rates/export.csv", admin, null).body();
        assertThat(export).startsWith(RateCards.HEADER).contains(p.id() + ",DE,marketing,long_code,100000,0.0795,EUR");
    }

    @Test
    void aSendOverTheApiIsCreatedAndCanBeFollowed() throws Exception {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        topUp(100);
        String to = usMobile();

        HttpResponse<String> r = api.call("POST", "/api/v1/sms/sends", marketer,
                "{\"phones\":[" + quote(to) + "],\"text\":\"Your code is 1234\",\"traffic\":\"transactional\"}");

        assertThat(r.statusCode()).isEqualTo(201);
        String id = json(r).get("sendId").asString();
        assertThat(json(r).get("preview").get("credits").asLong()).isEqualTo(1);
        awaitSend(id, "settled");
        JsonNode status = json(api.call("GET", "/api/v1/sms/sends/" + id, sales, null));
        assertThat(status.get("state").asString()).isEqualTo("settled");
        assertThat(status.get("messages").get("delivered").asLong()).isEqualTo(1);
        JsonNode log = json(api.call("GET", "/api/v1/sms/messages?sendId=" + id, sales, null));
        assertThat(log.get(0).get("to").asString()).isEqualTo(to);
        assertThat(log.get(0).get("events").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shortCreditsAreAConflictProblemOverTheApi() throws Exception {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        topUp(10);
        String drain = "drain-" + UUID.randomUUID();
        credits.reserve("default", drain, credits.balance("default").available());
        try {
            long sends = count("select count(*) from sms_sends");

            HttpResponse<String> r = api.call("POST", "/api/v1/sms/sends", marketer,
                    "{\"phones\":[" + quote(usMobile()) + "],\"text\":\"Hi\"}");

            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(json(r).get("detail").asString()).contains("Not enough SMS credits").contains("needs 1 messages");
            assertThat(count("select count(*) from sms_sends")).isEqualTo(sends);
        } finally {
            credits.cancelReservation(drain);
        }
    }

    @Test
    void badSendsAreClearProblemsAndChargeNothing() throws Exception {
        long sendsBefore = count("select count(*) from sms_sends");

        HttpResponse<String> none = api.call("POST", "/api/v1/sms/sends", admin, "{\"text\":\"Hi\"}");
        HttpResponse<String> unsigned = api.call("POST", "/api/v1/sms/sends", admin,
                "{\"phones\":[\"+8613800138000\"],\"text\":\"您好\",\"profile\":\"cn\",\"signature\":\"无此签名店\"}");
        HttpResponse<String> template = api.call("POST", "/api/v1/sms/preview", admin,
                "{\"phones\":[\"+8613800138000\"],\"templateId\":987654321}");
        HttpResponse<String> invalid = api.call("POST", "/api/v1/sms/sends", admin, "{\"phones\":[\"+1 555\"],\"text\":\"Hi\"}");
        HttpResponse<String> salesMarketing = api.call("POST", "/api/v1/sms/sends", sales,
                "{\"phones\":[\"+12015550123\"],\"text\":\"Sale\",\"traffic\":\"marketing\"}");

        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(json(none).get("detail").asString()).contains("needs recipients");
        assertThat(unsigned.statusCode()).isEqualTo(422);
        assertThat(json(unsigned).get("detail").asString()).contains("is not approved");
        assertThat(template.statusCode()).isEqualTo(422);
        assertThat(json(template).get("detail").asString()).contains("no template 987654321");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json(invalid).get("detail").asString()).contains("invalid");
        assertThat(salesMarketing.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from sms_sends")).as("no send was recorded, so nothing reserved").isEqualTo(sendsBefore);
    }
}
