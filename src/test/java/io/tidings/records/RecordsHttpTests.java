package io.tidings.records;

import io.tidings.ApiClient;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordsHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    ContactsApi contacts;
    @Autowired
    RecordsApi records;

    ApiClient api;
    String token;
    String run;
    long contactId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        token = accounts.createToken("records-test", Role.SALESPERSON, null).secret();
        run = UUID.randomUUID().toString().substring(0, 8);
        contactId = contacts.create(NewContact.of("Buyer " + run, "buyer-" + run + "@example.com", null)).id();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    @Test
    void aSalespersonCreatesALeadAndReadsItBack() throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/leads", """
                {"name":"Big deal %s","contactId":%d,"salesperson":"admin","priority":2,
                 "expectedRevenueMinor":1234567,"currency":"eur","tags":["q4"]}""".formatted(run, contactId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode lead = ApiClient.json(r);
        long id = lead.get("id").asLong();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/leads/" + id);
        assertThat(lead.get("stage").asString()).isEqualTo("new");
        assertThat(lead.get("currency").asString()).isEqualTo("EUR");
        JsonNode read = ApiClient.json(call("GET", "/api/v1/leads/" + id, null));
        assertThat(read.get("expectedRevenueMinor").asLong()).isEqualTo(1234567L);
        assertThat(read.get("salesperson").asString()).isEqualTo("admin");
        assertThat(read.get("priority").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownStageOrAPriorityOutOfRangeIsRefusedWith422() throws Exception {
        HttpResponse<String> stage = call("POST", "/api/v1/leads", "{\"name\":\"x\",\"stage\":\"maybe\"}");
        assertThat(stage.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(stage).get("field").asString()).isEqualTo("stage");
        assertThat(call("POST", "/api/v1/leads", "{\"name\":\"x\",\"priority\":4}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/leads", "{\"name\":\"x\",\"expectedRevenueMinor\":5}").statusCode()).isEqualTo(422);
    }

    @Test
    void anUnknownLeadOrOrderIs404() throws Exception {
        assertThat(call("GET", "/api/v1/leads/" + Long.MAX_VALUE, null).statusCode()).isEqualTo(404);
        assertThat(call("PATCH", "/api/v1/orders/" + Long.MAX_VALUE, "{\"state\":\"confirmed\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anOrderTotalIsTheExactSumOfItsLinesAndFollowsNewLines() throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/orders", """
                {"number":"SO-%s","contactId":%d,"currency":"EUR","orderDate":"2026-03-01",
                 "lines":[{"product":"Widget","quantity":3,"unitPriceMinor":1999},
                          {"product":"Screw","quantity":1,"unitPriceMinor":1}]}""".formatted(run, contactId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode order = ApiClient.json(r);
        assertThat(order.get("totalMinor").asLong()).isEqualTo(5998L);
        assertThat(order.get("state").asString()).isEqualTo("draft");
        assertThat(order.get("lines")).hasSize(2);

        JsonNode patched = ApiClient.json(call("PATCH", "/api/v1/orders/" + order.get("id").asLong(), """
                {"state":"confirmed","lines":[{"product":"Widget","quantity":10,"unitPriceMinor":1999}]}"""));
        assertThat(patched.get("totalMinor").asLong()).isEqualTo(19990L);
        assertThat(patched.get("state").asString()).isEqualTo("confirmed");
        assertThat(patched.get("lines")).hasSize(1);
    }

    @Test
    void aTakenOrderNumberIsAConflict() throws Exception {
        String body = "{\"number\":\"DUP-%s\",\"contactId\":%d,\"currency\":\"USD\"}".formatted(run, contactId);
        assertThat(call("POST", "/api/v1/orders", body).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/orders", body).statusCode()).isEqualTo(409);
    }

    @Test
    void ordersOfAContactSinceADateLeaveOutOlderAndCancelledOnes() {
        LocalDate today = LocalDate.now();
        List<OrderLine> line = List.of(new OrderLine("Thing", 1, 500));
        Order recent = records.createOrder(new NewOrder("R-" + run, contactId, today.minusMonths(3), "shipped", "EUR", line));
        records.createOrder(new NewOrder("O-" + run, contactId, today.minusYears(3), "shipped", "EUR", line));
        records.createOrder(new NewOrder("C-" + run, contactId, today.minusMonths(1), "cancelled", "EUR", line));

        List<Order> bought = records.ordersOfContactSince(contactId, today.minusYears(2));

        assertThat(bought).extracting(Order::id).containsExactly(recent.id());
        assertThat(bought.getFirst().totalMinor()).isEqualTo(500L);
    }
}
