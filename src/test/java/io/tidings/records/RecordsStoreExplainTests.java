package io.tidings.records;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordsStoreExplainTests {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("id", "bigint"), Map.entry("name", "text"), Map.entry("contactId", "bigint"),
            Map.entry("stage", "text"), Map.entry("salesperson", "text"), Map.entry("priority", "integer"),
            Map.entry("revenue", "bigint"), Map.entry("currency", "text"), Map.entry("tags", "text[]"),
            Map.entry("before", "bigint"), Map.entry("limit", "integer"), Map.entry("number", "text"),
            Map.entry("orderDate", "date"), Map.entry("state", "text"), Map.entry("total", "bigint"),
            Map.entry("orderId", "bigint"), Map.entry("lineNo", "integer"), Map.entry("product", "text"),
            Map.entry("quantity", "integer"), Map.entry("unitPrice", "bigint"), Map.entry("since", "date"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRecordsStatementPlansAgainstTheMigratedSchema() throws Exception {
        int planned = StoreExplainer.explainAll(jdbc, RecordsStore.class, TYPES, Set.of("LEAD_COLUMNS", "ORDER_COLUMNS"));
        assertThat(planned).isEqualTo(14);
    }
}
