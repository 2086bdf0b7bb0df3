package io.tidings.contacts;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactImportHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountsApi accounts;

    @Autowired
    ContactsApi contacts;

    ApiClient admin;

    @BeforeEach
    void token() {
        admin = new ApiClient(port, accounts.createToken("import-test", Role.ADMIN, null).secret());
    }

    /** Posts the CSV, checks the 202, and polls the status endpoint until the import is over. */
    private JsonNode importCsv(String query, byte[] csv) throws InterruptedException {
        HttpResponse<String> started = admin.postCsv("/api/v1/contacts/import" + query, csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/contacts/import/" + ApiClient.json(started).get("id").asLong());
        assertThat(ApiClient.json(started).get("status").asString()).isIn("running", "done");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = admin.get(location);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode status = ApiClient.json(r);
            if (!status.get("status").asString().equals("running")) {
                assertThat(status.get("status").asString()).as(r.body()).isEqualTo("done");
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    private JsonNode importCsv(String query, String csv) throws InterruptedException {
        return importCsv(query, csv.getBytes(StandardCharsets.UTF_8));
    }

    private Contact byEmail(String email) {
        List<Contact> found = contacts.search(new ContactQuery(email, null, null, 10)).items();
        return found.stream().filter(c -> email.equalsIgnoreCase(c.email())).findFirst().orElse(null);
    }

    private static long count(JsonNode s, String field) {
        return s.get(field).asLong();
    }

    @Test
    void badRowsAreReportedWithRowColumnAndReasonWhileGoodRowsAreImported() throws Exception {
        String a = TestData.email("anna");
        String b = TestData.email("ben");
        String csv = """
                first_name,last_name,email,phone,country,tags,plan
                Anna,Smith,%s,%s,DE,customer;vip,pro
                Bad,Phone,%s,+49 1234 5678,DE,,
                Bad,Email,not-an-email,,DE,,
                Ben,Jones,%s,,GB,lead|newsletter,free
                Too,Many,%s,,DE,,,surplus
                """.formatted(a, TestData.phone(), TestData.email("badphone"), b, TestData.email("surplus"));
        JsonNode s = importCsv("", csv);
        assertThat(count(s, "processed")).isEqualTo(5);
        assertThat(count(s, "imported")).isEqualTo(2);
        assertThat(count(s, "updated")).isZero();
        assertThat(count(s, "rejectedCount")).isEqualTo(3);
        JsonNode rejected = s.get("rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0).get("row").asLong()).isEqualTo(2);
        assertThat(rejected.get(0).get("column").asString()).isEqualTo("phone");
        assertThat(rejected.get(0).get("reason").asString()).isEqualTo("not a valid number for region DE");
        assertThat(rejected.get(1).get("row").asLong()).isEqualTo(3);
        assertThat(rejected.get(1).get("column").asString()).isEqualTo("email");
        assertThat(rejected.get(1).get("reason").asString()).isEqualTo("missing @");
        assertThat(rejected.get(2).get("row").asLong()).isEqualTo(5);
        assertThat(rejected.get(2).get("reason").asString()).isEqualTo("expected 7 columns, found 8");

        Contact anna = byEmail(a);
        assertThat(anna.name()).isEqualTo("Anna Smith");
        assertThat(anna.tags()).containsExactly("customer", "vip");
        assertThat(anna.customFields()).containsEntry("plan", "pro");
        assertThat(anna.timezone()).isEqualTo("Europe/Berlin");
        assertThat(byEmail(b).tags()).containsExactly("lead", "newsletter");
        assertThat(byEmail(b).country()).isEqualTo("GB");
    }

    @Test
    void aKnownEmailUpdatesTheContactFillingOnlyWhatTheFileSays() throws Exception {
        String email = TestData.email("again");
        importCsv("", "name,email,company,tags\nOld Name,%s,Acme,first\n".formatted(email));
        JsonNode s = importCsv("", "name,email,company,tags\nNew Name,%s,,second\n".formatted(email.toUpperCase()));
        assertThat(count(s, "imported")).isZero();
        assertThat(count(s, "updated")).isEqualTo(1);
        Contact c = byEmail(email);
        assertThat(c.name()).isEqualTo("New Name");
        assertThat(c.company()).isEqualTo("Acme");
        assertThat(c.tags()).containsExactly("first", "second");
    }

    @Test
    void onDuplicateSkipLeavesAKnownContactAlone() throws Exception {
        String email = TestData.email("skip");
        importCsv("", "name,email\nFirst,%s\n".formatted(email));
        JsonNode s = importCsv("?onDuplicate=skip", "name,email\nSecond,%s\n".formatted(email));
        assertThat(count(s, "skipped")).isEqualTo(1);
        assertThat(count(s, "updated")).isZero();
        assertThat(byEmail(email).name()).isEqualTo("First");
    }

    @Test
    void dedupByPhoneMatchesTheNumberHoweverItIsWritten() throws Exception {
        String phone = TestData.phone();
        String first = TestData.email("byphone1");
        String second = TestData.email("byphone2");
        importCsv("?dedup=phone", "email,phone\n%s,%s\n".formatted(first, phone));
        String national = "0" + phone.substring(3, 6) + " " + phone.substring(6);
        JsonNode s = importCsv("?dedup=phone", "email,phone,country\n%s,%s,DE\n".formatted(second, national));
        assertThat(count(s, "updated")).isEqualTo(1);
        Contact c = byEmail(second);
        assertThat(c.phone()).isEqualTo(phone);
        assertThat(byEmail(first)).isNull();
    }

    @Test
    void aLaterRowOfTheSamePersonInTheFileUpdatesTheEarlierOne() throws Exception {
        String email = TestData.email("twice");
        String other = TestData.email("other");
        JsonNode s = importCsv("", "name,email,tags\nEarly,%s,a\nSomeone,%s,\nLate,%s,b\n".formatted(email, other, email));
        assertThat(count(s, "imported")).isEqualTo(2);
        assertThat(count(s, "updated")).isEqualTo(1);
        assertThat(byEmail(email).name()).isEqualTo("Late");
        assertThat(byEmail(email).tags()).containsExactly("a", "b");
    }

    @Test
    void withSkipALaterRowOfTheSamePersonInTheFileIsSkipped() throws Exception {
        String email = TestData.email("twice-skip");
        JsonNode s = importCsv("?onDuplicate=skip", "name,email\nEarly,%s\nLate,%s\n".formatted(email, email));
        assertThat(count(s, "imported")).isEqualTo(1);
        assertThat(count(s, "skipped")).isEqualTo(1);
        assertThat(byEmail(email).name()).isEqualTo("Early");
    }

    @Test
    void aRowWhosePhoneBelongsToAnotherContactIsRejectedNotMerged() throws Exception {
        String phone = TestData.phone();
        String owner = TestData.email("owner");
        importCsv("", "email,phone\n%s,%s\n".formatted(owner, phone));
        JsonNode s = importCsv("", "email,phone\n%s,%s\n".formatted(TestData.email("thief"), phone));
        assertThat(count(s, "rejectedCount")).isEqualTo(1);
        assertThat(s.get("rejected").get(0).get("column").asString()).isEqualTo("phone");
        assertThat(s.get("rejected").get(0).get("reason").asString()).contains("already belongs to contact");
    }

    @Test
    void malformedCsvLosesNoGoodRow() throws Exception {
        String[] good = {TestData.email("g1"), TestData.email("g2"), TestData.email("g3"), TestData.email("g4"),
                TestData.email("g5")};
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("name,email,company\n".getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("One,%s,Acme\n".formatted(good[0]).getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("\"Unclosed,%s,Acme\n".formatted(TestData.email("broken")).getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("Two,%s,\"Quoted, Inc.\"\n".formatted(good[1]).getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("Short,row\n".getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("Bad".getBytes(StandardCharsets.UTF_8));
        csv.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        csv.writeBytes(",%s,Acme\n".formatted(TestData.email("latin")).getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("Three,%s,\"Multi\nline\"\n".formatted(good[2]).getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("Four,%s,\"He said \"\"hi\"\"\"\r\n".formatted(good[3]).getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("Five,%s,Last".formatted(good[4]).getBytes(StandardCharsets.UTF_8));
        JsonNode s = importCsv("", csv.toByteArray());
        assertThat(count(s, "imported")).as(s.toString()).isEqualTo(5);
        assertThat(count(s, "rejectedCount")).isEqualTo(3);
        assertThat(count(s, "processed")).isEqualTo(8);
        JsonNode r = s.get("rejected");
        assertThat(r.get(0).get("row").asLong()).isEqualTo(2);
        assertThat(r.get(0).get("reason").asString()).contains("never closed");
        assertThat(r.get(1).get("row").asLong()).isEqualTo(4);
        assertThat(r.get(1).get("reason").asString()).isEqualTo("expected 3 columns, found 2");
        assertThat(r.get(2).get("row").asLong()).isEqualTo(5);
        assertThat(r.get(2).get("column").asString()).isEqualTo("name");
        assertThat(r.get(2).get("reason").asString()).isEqualTo("not valid UTF-8");
        for (String email : good) {
            assertThat(byEmail(email)).as(email).isNotNull();
        }
        assertThat(byEmail(good[2]).company()).isEqualTo("Multi\nline");
        assertThat(byEmail(good[3]).company()).isEqualTo("He said \"hi\"");
    }

    @Test
    void columnsCanBeMappedAndUnknownHeadersBecomeCustomFields() throws Exception {
        String email = TestData.email("mapped");
        String query = "?" + URLEncoder.encode("map.E-Mail Adresse", StandardCharsets.UTF_8) + "=email&"
                + URLEncoder.encode("map.Firma", StandardCharsets.UTF_8) + "=company&map.Notiz=ignore";
        JsonNode s = importCsv(query, "Vollständiger Name;E-Mail Adresse;Firma;Notiz;Lieblingsfarbe\n"
                + "Jörg Müller;%s;Müller GmbH;secret;blau\n".formatted(email));
        assertThat(count(s, "imported")).isEqualTo(1);
        Contact c = byEmail(email);
        assertThat(c.company()).isEqualTo("Müller GmbH");
        assertThat(c.customFields()).containsEntry("Lieblingsfarbe", "blau").containsEntry("Vollständiger Name", "Jörg Müller")
                .doesNotContainKey("Notiz");
    }

    @Test
    void aFileWithoutAnEmailOrPhoneColumnIsRefusedAtOnce() {
        HttpResponse<String> r = admin.postCsv("/api/v1/contacts/import", "name,company\nA,B\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(r).get("field").asString()).isEqualTo("file");
        HttpResponse<String> unknown = admin.postCsv("/api/v1/contacts/import?map.email=shoe_size",
                "email\nx@example.com\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(admin.postCsv("/api/v1/contacts/import?dedup=name", "email\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
        assertThat(admin.postCsv("/api/v1/contacts/import", new byte[0]).statusCode()).isEqualTo(422);
    }

    @Test
    void theRejectedListStopsAtTenThousandButTheCountStaysExact() throws Exception {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 10_050; i++) {
            csv.append("Nobody ").append(i).append(",not-an-email-").append(i).append('\n');
        }
        String good = TestData.email("after-many-bad");
        csv.append("Somebody,").append(good).append('\n');
        JsonNode s = importCsv("", csv.toString());
        assertThat(count(s, "rejectedCount")).isEqualTo(10_050);
        assertThat(s.get("rejected")).hasSize(ImportRun.MAX_LISTED_REJECTIONS);
        assertThat(count(s, "imported")).isEqualTo(1);
        assertThat(count(s, "processed")).isEqualTo(10_051);
        assertThat(byEmail(good)).isNotNull();
    }

    @Test
    void anUnknownImportIsNotFound() {
        assertThat(admin.get("/api/v1/contacts/import/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aSalespersonMayNotImport() {
        ApiClient sales = new ApiClient(port, accounts.createToken("sales", Role.SALESPERSON, null).secret());
        assertThat(sales.postCsv("/api/v1/contacts/import", "email\nx@example.com\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theJavaApiImportsAFileAndWaitsForIt() throws Exception {
        String email = TestData.email("javaapi");
        long id = contacts.startImport(new java.io.ByteArrayInputStream("email\n%s\n".formatted(email)
                .getBytes(StandardCharsets.UTF_8)), ImportOptions.defaults(), "test");
        ImportStatus s = contacts.awaitImport(id, Duration.ofSeconds(30));
        assertThat(s.status()).isEqualTo(ImportStatus.DONE);
        assertThat(s.imported()).isEqualTo(1);
        assertThat(s.actor()).isEqualTo("test");
        assertThat(s.finishedAt()).isNotNull();
    }
}
