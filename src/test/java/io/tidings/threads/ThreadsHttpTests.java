package io.tidings.threads;

import io.tidings.ApiClient;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.RecordsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThreadsHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    ContactsApi contacts;
    @Autowired
    RecordsApi records;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String token;
    ThreadFixtures data;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        token = accounts.createToken("threads-test", Role.SALESPERSON, null).secret();
        data = new ThreadFixtures(accounts, contacts, records, jdbc);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    @Test
    void postingANoteAnswers201AndTheThreadShowsItNewestFirst() throws Exception {
        RecordRef lead = data.lead("Api");
        String path = "/api/v1/records/lead/" + lead.id() + "/messages";

        HttpResponse<String> first = call("POST", path, "{\"kind\":\"note\",\"body\":\"first\"}");
        HttpResponse<String> second = call("POST", path, "{\"kind\":\"note\",\"body\":\"second\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode note = ApiClient.json(second);
        assertThat(note.get("kind").asString()).isEqualTo("note");
        assertThat(note.get("subtype").asString()).isEqualTo("note");
        assertThat(note.get("authorUser").asString()).contains("threads-test");
        JsonNode page = ApiClient.json(call("GET", path, null));
        assertThat(page.get("messages").get(0).get("body").asString()).isEqualTo("second");
        assertThat(page.get("messages").get(1).get("body").asString()).isEqualTo("first");
    }

    @Test
    void anEmailIsStoredAsEmailOutAndQueuedToEachAddressOnce() throws Exception {
        long contact = data.contact("Mail");
        HttpResponse<String> r = call("POST", "/api/v1/records/contact/" + contact + "/messages", """
                {"kind":"email","subject":"Your order","body":"It ships today.","to":["a@example.com","A@example.com","b@example.com"]}""");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode m = ApiClient.json(r);
        assertThat(m.get("kind").asString()).isEqualTo("email_out");
        assertThat(m.get("recipients")).hasSize(2);
        assertThat(data.queuedFor(m.get("id").asLong())).extracting(ThreadFixtures.Queued::recipient)
                .containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void anUnknownModelIs404WithAClearMessageAndAnUnknownIdIs404() throws Exception {
        HttpResponse<String> model = call("GET", "/api/v1/records/invoice/1/messages", null);
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(model).get("detail").asString()).contains("invoice", "contact, lead or order");

        HttpResponse<String> id = call("POST", "/api/v1/records/order/" + Long.MAX_VALUE + "/messages",
                "{\"kind\":\"note\",\"body\":\"x\"}");
        assertThat(id.statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/records/lead/" + Long.MAX_VALUE + "/followers", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aKindOtherThanEmailOrNoteIsRefusedWith422AndBadJsonWith400() throws Exception {
        RecordRef lead = data.lead("Kinds");
        String path = "/api/v1/records/lead/" + lead.id() + "/messages";
        for (String kind : new String[]{"sms_out", "change", "email_in", "memo"}) {
            HttpResponse<String> r = call("POST", path, "{\"kind\":\"" + kind + "\",\"body\":\"x\"}");
            assertThat(r.statusCode()).as(kind).isEqualTo(422);
            assertThat(ApiClient.json(r).get("field").asString()).isEqualTo("kind");
        }
        assertThat(call("POST", path, "{\"kind\":").statusCode()).isEqualTo(400);
        assertThat(call("POST", path, "{\"kind\":\"note\",\"body\":\" \"}").statusCode()).isEqualTo(422);
    }

    @Test
    void headerInjectionInTheSubjectOrARecipientIsRefusedAndNothingIsStored() throws Exception {
        RecordRef lead = data.lead("Injection");
        String path = "/api/v1/records/lead/" + lead.id() + "/messages";

        HttpResponse<String> subject = call("POST", path,
                "{\"kind\":\"email\",\"subject\":\"Hi\\r\\nBcc: victim@example.com\",\"body\":\"x\",\"to\":[\"a@example.com\"]}");
        HttpResponse<String> to = call("POST", path,
                "{\"kind\":\"email\",\"subject\":\"Hi\",\"body\":\"x\",\"to\":[\"a@example.com\\nBcc: victim@example.com\"]}");

        assertThat(subject.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(subject).get("field").asString()).isEqualTo("subject");
        assertThat(to.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(to).get("field").asString()).isEqualTo("to");
        assertThat(ApiClient.json(call("GET", path, null)).get("messages")).isEmpty();
    }

    @Test
    void followersAreAddedListedAndRemoved() throws Exception {
        RecordRef lead = data.lead("Followers");
        String user = data.user("follower");
        String path = "/api/v1/records/lead/" + lead.id() + "/followers";

        HttpResponse<String> added = call("POST", path, "{\"user\":\"" + user + "\",\"subtypes\":[\"discussion\"]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode list = ApiClient.json(call("GET", path, null));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("kind").asString()).isEqualTo("user");
        assertThat(list.get(0).get("subtypes").get(0).asString()).isEqualTo("discussion");
        assertThat(call("POST", path, "{\"user\":\"nobody-" + data.run + "\"}").statusCode()).isEqualTo(422);

        assertThat(call("DELETE", path + "?user=" + user, null).statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(call("GET", path, null))).isEmpty();
    }

    @Test
    void anActivityIsScheduledFlaggedOverdueAndMarkedDoneOverTheApi() throws Exception {
        RecordRef lead = data.lead("ApiActivity");
        String path = "/api/v1/records/lead/" + lead.id() + "/activities";

        HttpResponse<String> r = call("POST", path, """
                {"type":"call","dueDate":"%s","assignee":"admin","note":"Ring them"}""".formatted(LocalDate.now().minusDays(1)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode a = ApiClient.json(r);
        assertThat(a.get("overdue").asBoolean()).isTrue();

        JsonNode done = ApiClient.json(call("PATCH", path, "{\"id\":" + a.get("id").asLong() + ",\"done\":true}"));
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("overdue").asBoolean()).isFalse();
        assertThat(ApiClient.json(call("GET", path, null)).get(0).get("done").asBoolean()).isTrue();
        assertThat(call("POST", path, "{\"type\":\"lunch\",\"dueDate\":\"2026-01-01\",\"assignee\":\"admin\"}").statusCode())
                .isEqualTo(422);
    }

    @Test
    void patchingALeadStageOverTheApiLogsTheChangeWithItsAuthor() throws Exception {
        RecordRef lead = data.lead("Patch");

        HttpResponse<String> r = call("PATCH", "/api/v1/leads/" + lead.id(), "{\"stage\":\"proposition\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode change = ApiClient.json(call("GET", "/api/v1/records/lead/" + lead.id() + "/messages", null))
                .get("messages").get(0);
        assertThat(change.get("kind").asString()).isEqualTo("change");
        assertThat(change.get("subtype").asString()).isEqualTo("stage_change");
        assertThat(change.get("body").asString()).isEqualTo("Stage: new → proposition");
        assertThat(change.get("authorUser").asString()).contains("threads-test");
        assertThat(ApiClient.json(call("GET", "/api/v1/leads?stage=proposition&limit=200", null)).findValues("id"))
                .extracting(JsonNode::asLong).contains(lead.id());
    }
}
