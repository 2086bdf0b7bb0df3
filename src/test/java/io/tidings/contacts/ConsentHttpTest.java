package io.tidings.contacts;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountsApi accounts;

    @Autowired
    ContactsApi contacts;

    ApiClient admin;

    @BeforeEach
    void token() {
        admin = new ApiClient(port, accounts.createToken("consent-test", Role.ADMIN, null).secret());
    }

    private Contact contactWithPhone(String phone) {
        return contacts.create(new NewContact("Consent Person", TestData.email("consent"), phone, null, null, null,
                null, null, null));
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aConsentChangeUpdatesTheContactAndWritesALogEntry() {
        Contact c = contactWithPhone(TestData.phone());
        HttpResponse<String> r = admin.post("/api/v1/contacts/" + c.id() + "/consent",
                "{\"channel\":\"sms\",\"state\":\"opted_out\",\"how\":\"api\",\"source\":\"support ticket 42\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode log = ApiClient.json(admin.get("/api/v1/contacts/" + c.id() + "/consent"));
        assertThat(log).hasSize(1);
        JsonNode entry = log.get(0);
        assertThat(entry.get("channel").asString()).isEqualTo("sms");
        assertThat(entry.get("state").asString()).isEqualTo("opted_out");
        assertThat(entry.get("how").asString()).isEqualTo("api");
        assertThat(entry.get("source").asString()).isEqualTo("support ticket 42");
        assertThat(entry.get("actor").asString()).isEqualTo("token:consent-test");
        assertThat(entry.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("changedAt").isNull()).isFalse();
        JsonNode contact = ApiClient.json(admin.get("/api/v1/contacts/" + c.id()));
        assertThat(contact.get("smsConsent").asString()).isEqualTo("opted_out");
        assertThat(contact.get("emailConsent").asString()).isEqualTo("unknown");
    }

    @Test
    void anOptedOutChannelIsNotMarketableWhileTheOtherStillIs() {
        Contact c = contactWithPhone(TestData.phone());
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.SMS)).isTrue();
        contacts.changeConsent(c.id(), new ConsentChange(Channel.SMS, ConsentState.OPTED_OUT, "sms-keyword", "STOP",
                null, null));
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.SMS)).isFalse();
        assertThat(contacts.marketingRefusal(c.id(), Channel.SMS)).hasValue("the contact opted out of sms");
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.EMAIL)).isTrue();
    }

    @Test
    void aBlocklistedNumberIsNotMarketableUntilItIsUnblocked() {
        String phone = TestData.phone();
        Contact c = contactWithPhone(phone);
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.SMS)).isTrue();
        String spaced = phone.substring(0, 3) + " " + phone.substring(3);
        HttpResponse<String> r = admin.post("/api/v1/blocklist",
                "{\"channel\":\"sms\",\"address\":\"%s\",\"reason\":\"complaint\"}".formatted(spaced));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(ApiClient.json(r).get("address").asString()).isEqualTo(phone);
        assertThat(contacts.isBlocked(Channel.SMS, phone)).isTrue();
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.SMS)).isFalse();
        assertThat(contacts.marketingRefusal(c.id(), Channel.SMS).orElseThrow()).contains("blocklist");
        assertThat(ApiClient.json(admin.get("/api/v1/blocklist/check?channel=sms&address=" + q(phone)))
                .get("blocked").asBoolean()).isTrue();
        assertThat(admin.delete("/api/v1/blocklist?channel=sms&address=" + q(phone)).statusCode()).isEqualTo(204);
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.SMS)).isTrue();
        assertThat(admin.delete("/api/v1/blocklist?channel=sms&address=" + q(phone)).statusCode()).isEqualTo(404);
    }

    @Test
    void aBlocklistedEmailIsNotMarketableWhateverItsCase() {
        String email = TestData.email("blocked");
        Contact c = contacts.create(NewContact.of(null, email, null));
        contacts.block(Channel.EMAIL, email.toUpperCase(), "bounced hard", "test");
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.EMAIL)).isFalse();
        assertThat(contacts.isBlocked(Channel.EMAIL, " " + email + " ")).isTrue();
    }

    @Test
    void aContactWithoutAPhoneCannotReceiveSmsAndAnUnknownOneNothing() {
        Contact c = contacts.create(NewContact.of(null, TestData.email("nophone"), null));
        assertThat(contacts.canReceiveMarketing(c.id(), Channel.SMS)).isFalse();
        assertThat(contacts.canReceiveMarketing(999_999_999L, Channel.EMAIL)).isFalse();
    }

    @Test
    void deletingAnOptedOutContactKeepsItsAddressFromBeingMarketedAgain() {
        String phone = TestData.phone();
        Contact c = contactWithPhone(phone);
        contacts.changeConsent(c.id(), new ConsentChange(Channel.SMS, ConsentState.OPTED_OUT, "api", null, null, null));
        contacts.delete(c.id(), "test");
        assertThat(contacts.isBlocked(Channel.SMS, phone)).isTrue();
        Contact again = contactWithPhone(phone);
        assertThat(contacts.canReceiveMarketing(again.id(), Channel.SMS)).isFalse();
    }

    @Test
    void theBlocklistPagesThroughEveryEntry() {
        String a = TestData.email("page-a");
        String b = TestData.email("page-b");
        contacts.block(Channel.EMAIL, a, null, "test");
        contacts.block(Channel.EMAIL, b, null, "test");
        JsonNode first = ApiClient.json(admin.get("/api/v1/blocklist?channel=email&limit=1"));
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("next").asString()).startsWith("email:");
        StringBuilder all = new StringBuilder();
        String cursor = null;
        do {
            JsonNode page = ApiClient.json(admin.get("/api/v1/blocklist?channel=email&limit=500"
                    + (cursor == null ? "" : "&after=" + q(cursor))));
            page.get("items").forEach(i -> all.append(i.get("address").asString()).append('\n'));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(all.toString()).contains(a + "\n", b + "\n");
    }

    @Test
    void onlyAdminsAndMarketersMayChangeTheBlocklistButEveryoneMayReadIt() {
        ApiClient sales = new ApiClient(port, accounts.createToken("sales", Role.SALESPERSON, null).secret());
        ApiClient viewer = new ApiClient(port, accounts.createToken("viewer", Role.VIEWER, null).secret());
        assertThat(sales.post("/api/v1/blocklist", "{\"channel\":\"email\",\"address\":\"x@example.com\"}").statusCode())
                .isEqualTo(403);
        assertThat(viewer.get("/api/v1/blocklist").statusCode()).isEqualTo(200);
    }

    @Test
    void badConsentRequestsAreRefusedWithTheirReason() {
        Contact c = contactWithPhone(TestData.phone());
        HttpResponse<String> r = admin.post("/api/v1/contacts/" + c.id() + "/consent",
                "{\"channel\":\"pigeon\",\"state\":\"opted_out\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(r).get("field").asString()).isEqualTo("channel");
        assertThat(admin.post("/api/v1/contacts/999999999/consent", "{\"channel\":\"sms\",\"state\":\"opted_in\"}")
                .statusCode()).isEqualTo(404);
        assertThat(admin.post("/api/v1/blocklist", "{\"channel\":\"sms\",\"address\":\"12\"}").statusCode()).isEqualTo(422);
    }
}
