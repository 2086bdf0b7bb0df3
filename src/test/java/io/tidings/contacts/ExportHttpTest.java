package io.tidings.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountsApi accounts;

    @Autowired
    ContactsApi contacts;

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        String tag = TestData.tag("export");
        String email = TestData.email("formula");
        String phone = TestData.phone();
        contacts.create(new NewContact("=HYPERLINK(\"http://evil.example\",\"click\")", email, phone, null, null, null,
                "@SUM(1+1)", List.of(tag, "-danger"), Map.of("note", "+cmd|' /C calc'!A0", "tab", "\tx", "plain", "ok")));
        ApiClient viewer = new ApiClient(port, accounts.createToken("export", Role.VIEWER, null).secret());
        HttpResponse<String> r = viewer.get("/api/v1/contacts/export.csv?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(r)).startsWith("text/csv");
        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(r.body())) {
            rows = csv.stream().toList();
        }
        assertThat(rows).hasSize(2);
        List<String> header = rows.get(0).getFields();
        List<String> row = rows.get(1).getFields();
        assertThat(header).startsWith("id", "name", "email", "phone");
        assertThat(row.get(header.indexOf("name"))).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(row.get(header.indexOf("company"))).isEqualTo("'@SUM(1+1)");
        assertThat(row.get(header.indexOf("phone"))).isEqualTo("'" + phone);
        assertThat(row.get(header.indexOf("email"))).isEqualTo(email);
        assertThat(row.get(header.indexOf("tags"))).isEqualTo(tag + ";-danger");
        assertThat(row.get(header.indexOf("note"))).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(row.get(header.indexOf("tab"))).isEqualTo("'\tx");
        assertThat(row.get(header.indexOf("plain"))).isEqualTo("ok");
    }

    @Test
    void neutralisingLeavesOrdinaryTextAlone() {
        assertThat(CsvCells.neutralise("Anna")).isEqualTo("Anna");
        assertThat(CsvCells.neutralise("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.neutralise("-1")).isEqualTo("'-1");
        assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.neutralise(null)).isEmpty();
    }

    @Test
    void anExportCanBeImportedAgainWithoutAddingJunkFields() throws Exception {
        String tag = TestData.tag("roundtrip");
        String email = TestData.email("roundtrip");
        contacts.create(new NewContact("Round Trip", email, TestData.phone(), "DE", null, "de", "=Acme", List.of(tag),
                Map.of("plan", "pro")));
        java.io.StringWriter out = new java.io.StringWriter();
        contacts.exportCsv(new ContactQuery(null, tag, null, 0), out);
        long id = contacts.startImport(new java.io.ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(), "test");
        ImportStatus s = contacts.awaitImport(id, java.time.Duration.ofSeconds(30));
        assertThat(s.updated()).as(s.toString()).isEqualTo(1);
        assertThat(s.rejectedCount()).isZero();
        Contact c = contacts.search(new ContactQuery(null, tag, null, 5)).items().getFirst();
        assertThat(c.customFields()).containsOnlyKeys("plan");
        assertThat(c.company()).isEqualTo("'=Acme");
    }
}
