package io.tidings.threads;

import io.tidings.ApiClient;
import io.tidings.WebSession;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The record pages as forms over HTTP: create, post, schedule, and who may write. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    ContactsApi contacts;

    String run;
    WebSession web;
    String seller;
    long contactId;

    @BeforeEach
    void logIn() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8);
        seller = "seller-" + run;
        accounts.createUser(seller, "Seller", null, "password-" + run, Role.SALESPERSON);
        contactId = contacts.create(NewContact.of("Page " + run, "page-" + run + "@example.com", null)).id();
        web = new WebSession(port);
        assertThat(web.login(seller, "password-" + run)).endsWith("/");
    }

    private String post(String path, String csrfFrom, Map<String, String> fields) throws Exception {
        var form = new java.util.LinkedHashMap<>(fields);
        form.put("_csrf", web.csrfFrom(csrfFrom));
        HttpResponse<String> r = web.postForm(path, form);
        assertThat(r.statusCode()).as(path).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void anOrderCreatedFromTheFormShowsItsExactTotalAndItsThread() throws Exception {
        String page = post("/orders", "/orders", Map.of("number", "WEB-" + run, "contactId", String.valueOf(contactId),
                "currency", "EUR", "lines", "Widget; 3; 19.99\nScrew; 1; 0.01"));

        assertThat(page).matches("/orders/\\d+");
        String html = web.get(page).body();
        assertThat(html).contains("59.98 EUR", "id=\"thread\"", "Widget");

        assertThat(post(page.replace("/orders/", "/records/order/") + "/activities", page,
                Map.of("type", "call", "dueDate", LocalDate.now().minusDays(1).toString(), "assignee", seller,
                        "note", "Chase payment " + run))).isEqualTo(page);
        assertThat(web.get(page).body()).contains("Chase payment " + run, "overdue-flag");
        String inbox = web.get("/inbox").body();
        assertThat(inbox).contains("Chase payment " + run, "class=\"overdue\"");
    }

    @Test
    void aNoteLoggedOnTheContactPageAppearsInItsThread() throws Exception {
        String page = "/contacts/" + contactId;
        assertThat(post("/records/contact/" + contactId + "/messages", page,
                Map.of("kind", "note", "body", "Called, wants a demo " + run))).isEqualTo(page);

        String html = web.get(page).body();
        assertThat(html).contains("Called, wants a demo " + run, "internal note", "id=\"consent-email\"");
    }

    @Test
    void aFollowerWhoPrefersTheInboxSeesNotificationsThere() throws Exception {
        String lead = post("/leads", "/leads", Map.of("name", "Inbox lead " + run));
        post(lead.replace("/leads/", "/records/lead/") + "/followers", lead, Map.of("action", "follow"));
        assertThat(web.get(lead).body()).contains("Unfollow", seller);

        WebSession admin = new WebSession(port);
        admin.login("admin", "test-admin-password");
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("kind", "note");
        form.put("body", "Heads up " + run);
        form.put("_csrf", admin.csrfFrom(lead));
        assertThat(admin.postForm(lead.replace("/leads/", "/records/lead/") + "/messages", form).statusCode()).isEqualTo(302);

        assertThat(web.get("/inbox").body()).contains("Heads up " + run, "(1 unread)");
    }

    @Test
    void aViewerMayReadButNotCreateLeads() throws Exception {
        String viewer = "viewer-" + run;
        accounts.createUser(viewer, "Viewer", null, "password-" + run, Role.VIEWER);
        WebSession v = new WebSession(port);
        v.login(viewer, "password-" + run);
        assertThat(v.get("/leads").statusCode()).isEqualTo(200);
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("name", "nope");
        form.put("_csrf", v.csrfFrom("/leads"));
        assertThat(v.postForm("/leads", form).statusCode()).isEqualTo(403);

        String token = accounts.createToken("viewer-" + run, Role.VIEWER, null).secret();
        assertThat(new ApiClient(port).call("POST", "/api/v1/leads", token, "{\"name\":\"nope\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void aUserChoosesWhichSubtypesToFollowAndAddsTheContactAsAFollowerFromThePage() throws Exception {
        String lead = post("/leads", "/leads", Map.of("name", "Subtypes lead " + run));
        String followers = lead.replace("/leads/", "/records/lead/") + "/followers";
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("action", "follow");
        form.put("subtypesShown", "1");
        form.put("subtypes", "stage_change");
        post(followers, lead, form);
        String html = web.get(lead).body();
        assertThat(html).contains("Update what I follow", "stage change");
        assertThat(html).containsPattern("id=\"subtype-note\"(?![^>]*checked)");

        post(followers, lead, Map.of("action", "add-contact", "contactEmail", "page-" + run + "@example.com"));
        assertThat(web.get(lead).body()).contains("Page " + run + " &lt;page-" + run + "@example.com&gt;");

        post(followers, lead, Map.of("action", "add-contact", "contactEmail", "nobody-" + run + "@example.com"));
        assertThat(web.get(lead).body()).contains("no contact has the email address nobody-" + run + "@example.com");

        post(followers, lead, Map.of("action", "follow", "subtypesShown", "1"));
        assertThat(web.get(lead).body()).contains("choose at least one of discussion, note and stage change");
    }
}
