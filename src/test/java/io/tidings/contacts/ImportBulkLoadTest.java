package io.tidings.contacts;

import io.tidings.TidingsApplication;
import io.tidings.platform.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initial-load path of the import, on a database of its own (the shared test database always
 * holds other tests' contacts): a large file into an empty contacts table drops the search indexes
 * and builds them again before the import is done. The thresholds are lowered so that a file of a
 * few thousand rows counts as large.
 */
class ImportBulkLoadTest {

    @TempDir
    static Path tmp;

    static ConfigurableApplicationContext ctx;
    static ContactsApi contacts;
    static SearchIndexes indexes;
    static JdbcClient jdbc;
    static DataSource dataSource;
    /** The contacts indexes as the migrations create them, before any import ran. */
    static Map<String, String> migrated;

    @BeforeAll
    static void start() {
        ctx = new SpringApplicationBuilder(TidingsApplication.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--tidings.data-dir=" + tmp.resolve("data"), "--tidings.db.durable=false",
                        "--logging.level.root=warn", "--tidings.mail.inbound.port=0",
                        "--tidings.mail.inbound.bind=127.0.0.1", "--tidings.mail.imap.enabled=false",
                        "--tidings.import.bulk-min-rows=1000", "--tidings.import.bulk-max-existing=50",
                        "--tidings.import.chunk-rows=500");
        contacts = ctx.getBean(ContactsApi.class);
        indexes = ctx.getBean(SearchIndexes.class);
        jdbc = ctx.getBean(JdbcClient.class);
        dataSource = ctx.getBean(DataSource.class);
        migrated = indexDefinitions();
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        EmbeddedPostgres.stopAndRemove(tmp.resolve("data"));
    }

    @BeforeEach
    void emptyContacts() {
        jdbc.sql("drop trigger if exists boom on contacts").update();
        jdbc.sql("truncate contacts cascade").update();
    }

    private static Map<String, String> indexDefinitions() {
        Map<String, String> defs = new TreeMap<>();
        jdbc.sql("select indexname, indexdef from pg_indexes where tablename = 'contacts'")
                .query((rs, n) -> defs.put(rs.getString(1), rs.getString(2))).list();
        return defs;
    }

    /** Every file gets phones of its own. */
    private static int files;

    /** {@code rows} contacts; row {@code boomAt} (1-based; 0 for none) is named Boom. */
    private static Path csv(String name, int rows, int boomAt) throws IOException {
        int phones = ++files * 100_000;
        StringBuilder sb = new StringBuilder("name,email,phone,company,tags\n");
        for (int i = 1; i <= rows; i++) {
            sb.append(i == boomAt ? "Boom" : "Person " + i).append(',')
                    .append(name).append('.').append(i).append("@bulk.example.org,")
                    .append("+49171").append(String.format("%07d", phones + i)).append(',')
                    .append("Firm ").append(i % 7).append(',')
                    .append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Path file = tmp.resolve(name + ".csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private static ImportStatus importFile(Path file) throws InterruptedException {
        long id = contacts.startImport(file, ImportOptions.defaults(), "bulk-test");
        return contacts.awaitImport(id, Duration.ofSeconds(120));
    }

    private static List<String> names(String q, String tag) {
        return contacts.search(new ContactQuery(q, tag, null, 100)).items().stream().map(Contact::name).toList();
    }

    @Test
    void aLargeFileIntoAnEmptyTableLoadsInBulkAndRebuildsTheIndexesAsTheMigrationsMadeThem() throws Exception {
        ImportStatus s = importFile(csv("first", 3000, 0));
        String phoneDigits = String.format("%07d", files * 100_000 + 2999);

        assertThat(s.status()).as(s.error()).isEqualTo(ImportStatus.DONE);
        assertThat(s.bulk()).isTrue();
        assertThat(s.phase()).isNull();
        assertThat(s.imported()).isEqualTo(3000);
        assertThat(indexDefinitions()).isEqualTo(migrated);
        assertThat(migrated).containsKeys("contacts_search_trgm", "contacts_email_prefix", "contacts_email_domain",
                "contacts_tags", "contacts_email_uq", "contacts_phone_uq");
        // every kind of search the indexes serve finds the rows of the import
        assertThat(names("Person 2718", null)).containsExactly("Person 2718");
        assertThat(names("first.1234@", null)).containsExactly("Person 1234");
        assertThat(names(phoneDigits, null)).containsExactly("Person 2999");
        assertThat(contacts.search(new ContactQuery("bulk.example.org", null, null, 1000)).items()).hasSize(1000);
        assertThat(names("Person 1001", "odd")).containsExactly("Person 1001");
        assertThat(names("Person 1001", "even")).isEmpty();
    }

    @Test
    void anImportIntoATableThatHoldsContactsAlreadyLoadsTheNormalWay() throws Exception {
        assertThat(importFile(csv("small", 60, 0)).bulk()).as("60 rows are no initial load").isFalse();

        ImportStatus s = importFile(csv("second", 3000, 0));

        assertThat(s.status()).as(s.error()).isEqualTo(ImportStatus.DONE);
        assertThat(s.bulk()).as("60 contacts were there already").isFalse();
        assertThat(s.imported()).isEqualTo(3000);
        assertThat(indexDefinitions()).isEqualTo(migrated);
        assertThat(names("Person 2500", null)).containsExactly("Person 2500");
    }

    @Test
    void aBulkLoadThatFailsHalfWayLeavesTheSearchIndexesInPlace() throws Exception {
        jdbc.sql("""
                create or replace function boom() returns trigger language plpgsql as $$
                begin
                    if new.name = 'Boom' then raise exception 'boom at row %', new.email; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger boom before insert on contacts for each row execute function boom()").update();

        ImportStatus s = importFile(csv("failing", 3000, 2200));

        assertThat(s.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(s.error()).contains("boom at row");
        assertThat(s.bulk()).isTrue();
        assertThat(s.phase()).isNull();
        assertThat(indexDefinitions()).isEqualTo(migrated);
        assertThat(indexes.missing()).isEmpty();
        // the chunks that committed before the failure are in and can be found
        assertThat(s.imported()).isPositive();
        assertThat(names("failing.17@", null)).containsExactly("Person 17");
    }

    @Test
    void whileAnotherBulkLoadHoldsTheLockALargeImportLoadsTheNormalWay() throws Exception {
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + SearchIndexes.LOCK_KEY + ")");
            try {
                ImportStatus s = importFile(csv("locked", 3000, 0));

                assertThat(s.status()).as(s.error()).isEqualTo(ImportStatus.DONE);
                assertThat(s.bulk()).isFalse();
                assertThat(indexDefinitions()).isEqualTo(migrated);
            } finally {
                st.execute("select pg_advisory_unlock(" + SearchIndexes.LOCK_KEY + ")");
            }
        }
    }

    @Test
    void theStatusSaysIndexingWhileTheSearchIndexesAreBuilt() throws Exception {
        long id = contacts.startImport(csv("phased", 20_000, 0), ImportOptions.defaults(), "bulk-test");
        Instant deadline = Instant.now().plusSeconds(60);
        ImportStatus s = contacts.importStatus(id);
        while (!s.bulk() && !s.finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(2);
            s = contacts.importStatus(id);
        }
        assertThat(s.bulk()).as("the import started as a bulk load").isTrue();
        assertThat(s.phase()).isEqualTo(ImportStatus.LOADING);
        // Writes stay possible while the search indexes are gone, but CREATE INDEX has to wait for
        // this transaction: the import stays in its indexing phase until it commits.
        try (Connection blocker = dataSource.getConnection(); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("lock table contacts in row exclusive mode");
            while (!ImportStatus.INDEXING.equals(s.phase()) && !s.finished() && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
                s = contacts.importStatus(id);
            }
            assertThat(s.phase()).isEqualTo(ImportStatus.INDEXING);
            assertThat(s.status()).isEqualTo(ImportStatus.RUNNING);
            assertThat(s.processed()).isEqualTo(20_000);
            blocker.commit();
        }
        s = contacts.awaitImport(id, Duration.ofSeconds(60));
        assertThat(s.status()).as(s.error()).isEqualTo(ImportStatus.DONE);
        assertThat(s.phase()).isNull();
        assertThat(indexDefinitions()).isEqualTo(migrated);
        assertThat(names("Person 19999", null)).containsExactly("Person 19999");
    }

    @Test
    void aSearchIndexLeftMissingIsCreatedAgainWhenTheServerStartsUnlessABulkLoadIsRunning() throws Exception {
        jdbc.sql("drop index contacts_search_trgm, contacts_email_domain").update();
        assertThat(indexes.missing()).containsExactly("contacts_search_trgm", "contacts_email_domain");

        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + SearchIndexes.LOCK_KEY + ")");
            indexes.repairOnStartup();
            assertThat(indexes.missing()).as("a running bulk load rebuilds them itself").hasSize(2);
            st.execute("select pg_advisory_unlock(" + SearchIndexes.LOCK_KEY + ")");
        }
        indexes.repairOnStartup();

        assertThat(indexes.missing()).isEmpty();
        assertThat(indexDefinitions()).isEqualTo(migrated);
    }
}
