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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountsApi accounts;

    ApiClient admin;

    @BeforeEach
    void token() {
        admin = new ApiClient(port, accounts.createToken("contacts-test", Role.ADMIN, null).secret());
    }

    private JsonNode create(String json) {
        HttpResponse<String> r = admin.post("/api/v1/contacts", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.json(r);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void creatingAContactAnswers201WithItsLocationAndTheNormalisedContact() {
        String email = TestData.email("Anna.Smith");
        String phone = TestData.phone();
        String national = "0" + phone.substring(3, 6) + " " + phone.substring(6);
        HttpResponse<String> r = admin.post("/api/v1/contacts", """
                {"name":"Anna Smith","email":"%s","phone":"%s","country":"de","tags":["vip"],"customFields":{"plan":"pro"}}
                """.formatted(email.toUpperCase(), national));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = ApiClient.json(r);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/contacts/" + c.get("id").asLong());
        assertThat(c.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(c.get("phone").asString()).isEqualTo(phone);
        assertThat(c.get("phoneType").asString()).isEqualTo("mobile");
        assertThat(c.get("phoneCountry").asString()).isEqualTo("DE");
        assertThat(c.get("country").asString()).isEqualTo("DE");
        assertThat(c.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(c.get("tags").get(0).asString()).isEqualTo("vip");
        assertThat(c.get("customFields").get("plan").asString()).isEqualTo("pro");
        assertThat(c.get("emailConsent").asString()).isEqualTo("unknown");
        assertThat(admin.get("/api/v1/contacts/" + c.get("id").asLong()).body()).contains(email.toLowerCase());
    }

    @Test
    void aSecondContactWithTheSameEmailIsAConflictInProblemJson() {
        String email = TestData.email("dup");
        long id = create("{\"email\":\"%s\"}".formatted(email)).get("id").asLong();
        HttpResponse<String> r = admin.post("/api/v1/contacts", "{\"email\":\"%s\"}".formatted(email.toUpperCase()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(ApiClient.contentType(r)).startsWith("application/problem+json");
        assertThat(ApiClient.json(r).get("status").asInt()).isEqualTo(409);
        assertThat(ApiClient.json(r).get("detail").asString()).contains("contact " + id);
    }

    @Test
    void aSecondContactWithTheSameNumberWrittenDifferentlyIsAConflict() {
        String phone = TestData.phone();
        create("{\"phone\":\"%s\"}".formatted(phone));
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 6) + " " + phone.substring(6);
        HttpResponse<String> r = admin.post("/api/v1/contacts", "{\"phone\":\"%s\"}".formatted(spaced));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(r).get("detail").asString()).contains(phone);
    }

    @Test
    void anInvalidPhoneIsUnprocessableAndNamesTheFieldAndTheReason() {
        HttpResponse<String> r = admin.post("/api/v1/contacts", "{\"phone\":\"+49 1234 5678\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(ApiClient.contentType(r)).startsWith("application/problem+json");
        JsonNode p = ApiClient.json(r);
        assertThat(p.get("field").asString()).isEqualTo("phone");
        assertThat(p.get("detail").asString()).isEqualTo("not a valid number for region DE");
    }

    @Test
    void anInvalidEmailIsUnprocessable() {
        HttpResponse<String> r = admin.post("/api/v1/contacts", "{\"email\":\"anna.example.com\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(r).get("field").asString()).isEqualTo("email");
        assertThat(ApiClient.json(r).get("detail").asString()).isEqualTo("missing @");
    }

    @Test
    void aContactNeedsAnEmailOrAPhone() {
        HttpResponse<String> r = admin.post("/api/v1/contacts", "{\"name\":\"Nobody\"}");
        assertThat(r.statusCode()).isEqualTo(422);
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        HttpResponse<String> r = admin.post("/api/v1/contacts", "{\"name\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ApiClient.contentType(r)).startsWith("application/problem+json");
        assertThat(admin.post("/api/v1/contacts", "{\"tags\": 5, \"email\": \"x@example.com\"}").statusCode()).isEqualTo(400);
        assertThat(admin.patch("/api/v1/contacts/1", "[1,2").statusCode()).isEqualTo(400);
    }

    @Test
    void patchChangesTheGivenFieldsMergesCustomFieldsAndKeepsTheRest() {
        String email = TestData.email("patch");
        long id = create("""
                {"name":"Old Name","email":"%s","company":"Acme","language":"en","customFields":{"plan":"pro","seats":3}}
                """.formatted(email)).get("id").asLong();
        HttpResponse<String> r = admin.patch("/api/v1/contacts/" + id, """
                {"company":"Globex","language":null,"customFields":{"plan":null,"tier":"gold"}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode c = ApiClient.json(r);
        assertThat(c.get("name").asString()).isEqualTo("Old Name");
        assertThat(c.get("email").asString()).isEqualTo(email);
        assertThat(c.get("company").asString()).isEqualTo("Globex");
        assertThat(c.get("language").isNull()).isTrue();
        assertThat(c.get("customFields").has("plan")).isFalse();
        assertThat(c.get("customFields").get("seats").asInt()).isEqualTo(3);
        assertThat(c.get("customFields").get("tier").asString()).isEqualTo("gold");
    }

    @Test
    void patchingAnInvalidValueIsUnprocessableAndChangesNothing() {
        String email = TestData.email("patch-bad");
        long id = create("{\"email\":\"%s\"}".formatted(email)).get("id").asLong();
        assertThat(admin.patch("/api/v1/contacts/" + id, "{\"timezone\":\"Mars/Olympus\"}").statusCode()).isEqualTo(422);
        assertThat(admin.patch("/api/v1/contacts/" + id, "{\"email\":null}").statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(admin.get("/api/v1/contacts/" + id)).get("email").asString()).isEqualTo(email);
    }

    @Test
    void anUnknownContactIsNotFoundForGetPatchAndDelete() {
        assertThat(admin.get("/api/v1/contacts/999999999").statusCode()).isEqualTo(404);
        assertThat(admin.patch("/api/v1/contacts/999999999", "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/contacts/999999999").statusCode()).isEqualTo(404);
        assertThat(ApiClient.contentType(admin.get("/api/v1/contacts/999999999"))).startsWith("application/problem+json");
    }

    @Test
    void aDeletedContactIsGone() {
        long id = create("{\"email\":\"%s\"}".formatted(TestData.email("gone"))).get("id").asLong();
        assertThat(admin.delete("/api/v1/contacts/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v1/contacts/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerTokenMayReadButNotCreate() {
        ApiClient viewer = new ApiClient(port, accounts.createToken("viewer", Role.VIEWER, null).secret());
        HttpResponse<String> r = viewer.post("/api/v1/contacts", "{\"email\":\"%s\"}".formatted(TestData.email("v")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ApiClient.contentType(r)).startsWith("application/problem+json");
        assertThat(viewer.get("/api/v1/contacts?limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void keysetPagingReturnsEveryRowExactlyOnce() {
        String tag = TestData.tag("paging");
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            created.add(create("{\"email\":\"%s\",\"tags\":[\"%s\"]}".formatted(TestData.email("page"), tag))
                    .get("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ApiClient.json(admin.get("/api/v1/contacts?limit=5&tag=" + q(tag)
                    + (cursor == null ? "" : "&after=" + q(cursor))));
            page.get("items").forEach(c -> seen.add(c.get("id").asLong()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).isEqualTo(created);
    }

    @Test
    void qFindsAContactByNameEmailCompanyOrPhoneInAnyFormat() {
        String company = TestData.tag("Zyxcorp");
        String phone = TestData.phone();
        String email = TestData.email("findme");
        long id = create("{\"name\":\"Searchable Person\",\"email\":\"%s\",\"phone\":\"%s\",\"company\":\"%s\"}"
                .formatted(email, phone, company)).get("id").asLong();
        String national = "0" + phone.substring(3, 6) + " " + phone.substring(6, 9) + "-" + phone.substring(9);
        for (String q : List.of(company.toUpperCase(), email.substring(0, email.indexOf('@')), phone, national)) {
            JsonNode page = ApiClient.json(admin.get("/api/v1/contacts?limit=50&q=" + q(q)));
            List<Long> ids = new ArrayList<>();
            page.get("items").forEach(c -> ids.add(c.get("id").asLong()));
            assertThat(ids).as("q=" + q).contains(id);
        }
    }

    @Test
    void qFindsAnEmailByItsBeginningOrItsDomainAndAPhoneByAnyRunOfItsDigits() {
        String domain = TestData.tag("mailhost").toLowerCase() + ".example";
        String email = TestData.email("Adax.Lovelace").replace("example.com", domain);
        String phone = TestData.phone();
        long id = create("{\"name\":\"Countess\",\"email\":\"%s\",\"phone\":\"%s\"}".formatted(email, phone))
                .get("id").asLong();
        for (String q : List.of(email.substring(0, 9).toUpperCase(), email, domain, "@" + domain,
                domain.substring(0, 12), phone.substring(4, 11))) {
            assertThat(ids(q)).as("q=" + q).contains(id);
        }
        // an underscore in q is a character, not LIKE's "any character"
        assertThat(ids("ada_.lovelace")).as("q=ada_.lovelace").doesNotContain(id);
    }

    @Test
    void aFragmentFromTheMiddleOfAnEmailIsNotSearchedSoImportsNeedNoTrigramsOfEmails() {
        String email = TestData.email("zq" + "wholename");
        long id = create("{\"name\":\"Somebody Else\",\"email\":\"%s\"}".formatted(email)).get("id").asLong();
        assertThat(ids(email.substring(0, 6))).contains(id);
        assertThat(ids(email.substring(2, 11))).doesNotContain(id);
    }

    private List<Long> ids(String q) {
        JsonNode page = ApiClient.json(admin.get("/api/v1/contacts?limit=50&q=" + q(q)));
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    @Test
    void aCursorThatIsNotOneIsABadRequest() {
        assertThat(admin.get("/api/v1/contacts?after=abc").statusCode()).isEqualTo(400);
    }
}
