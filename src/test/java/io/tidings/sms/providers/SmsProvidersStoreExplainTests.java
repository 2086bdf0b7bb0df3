package io.tidings.sms.providers;

import io.tidings.sms.SmsProvidersSpringTest;
import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Plans every statement of SmsProvidersStore against the migrated schema, so a broken query fails here. */
@SmsProvidersSpringTest
class SmsProvidersStoreExplainTests {

    private static final Map<String, String> PARAMETER_TYPES = Map.of("id", "bigint", "kind", "text", "name", "text",
            "config", "text", "enabled", "boolean");
    private static final Set<String> FRAGMENTS = Set.of("COLUMNS");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStoreStatementPlansAgainstTheMigratedSchema() throws Exception {
        int planned = StoreExplainer.explainAll(jdbc, SmsProvidersStore.class, PARAMETER_TYPES, FRAGMENTS);
        assertThat(planned).isEqualTo(6);
    }

    @Test
    void theExplainTestReallyRejectsABrokenQuery() {
        assertThatCode(() -> jdbc.sql("explain " + StoreExplainer.withTypedNulls("select no_such_column from sms_providers where id = :id", PARAMETER_TYPES))
                .query(String.class).list()).isInstanceOf(Exception.class);
    }
}
