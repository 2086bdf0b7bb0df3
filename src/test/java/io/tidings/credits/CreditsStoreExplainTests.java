package io.tidings.credits;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Plans every statement of CreditsStore against the migrated schema, so a broken query fails here. */
@CreditsSpringTest
class CreditsStoreExplainTests {

    // The PostgreSQL type each named parameter is bound as; an unknown name fails the test.
    private static final Map<String, String> PARAMETER_TYPES = Map.ofEntries(
            Map.entry("account", "text"), Map.entry("sendId", "text"), Map.entry("reference", "text"),
            Map.entry("tier", "text"), Map.entry("currency", "text"), Map.entry("kind", "text"),
            Map.entry("state", "text"),
            Map.entry("now", "timestamptz"), Map.entry("at", "timestamptz"), Map.entry("purchasedAt", "timestamptz"),
            Map.entry("expiresAt", "timestamptz"), Map.entry("frozenUntil", "timestamptz"),
            Map.entry("messages", "bigint"), Map.entry("lotId", "bigint"), Map.entry("priceFen", "bigint"),
            Map.entry("available", "bigint"), Map.entry("reserved", "bigint"), Map.entry("frozen", "bigint"),
            Map.entry("before", "bigint"), Map.entry("submitted", "bigint"), Map.entry("succeeded", "bigint"),
            Map.entry("billed", "bigint"),
            Map.entry("unitPrice", "integer"), Map.entry("limit", "integer"));
    /** Pieces that are spliced into statements, not statements themselves. */
    private static final Set<String> FRAGMENTS = Set.of("LOT_COLUMNS");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStoreStatementPlansAgainstTheMigratedSchema() throws Exception {
        int planned = StoreExplainer.explainAll(jdbc, CreditsStore.class, PARAMETER_TYPES, FRAGMENTS);
        assertThat(planned).isGreaterThan(20);
    }

    @Test
    void theExplainTestReallyRejectsABrokenQuery() {
        assertThatCode(() -> jdbc.sql("explain " + StoreExplainer.withTypedNulls("select no_such_column from credit_lots where id = :lotId", PARAMETER_TYPES))
                .query(String.class).list()).isInstanceOf(Exception.class);
    }
}
