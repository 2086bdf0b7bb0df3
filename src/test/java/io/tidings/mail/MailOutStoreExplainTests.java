package io.tidings.mail;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailOutStoreExplainTests {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("id", "bigint"), Map.entry("name", "text"), Map.entry("host", "text"), Map.entry("port", "integer"),
            Map.entry("security", "text"), Map.entry("username", "text"), Map.entry("password", "text"),
            Map.entry("priority", "integer"), Map.entry("active", "boolean"), Map.entry("addresses", "text[]"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMailServerStatementPlansAgainstTheMigratedSchema() throws Exception {
        assertThat(StoreExplainer.explainAll(jdbc, MailServerStore.class, TYPES, Set.of("COLUMNS"))).isEqualTo(6);
    }

    @Test
    void theBatchBouncedLookupPlansAgainstTheMigratedSchema() throws Exception {
        assertThat(StoreExplainer.explainAll(jdbc, RecipientRules.class, TYPES, Set.of())).isEqualTo(1);
    }
}
