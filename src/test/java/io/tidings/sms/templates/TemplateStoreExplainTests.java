package io.tidings.sms.templates;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TemplateStoreExplainTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTemplateStatementPlansAgainstTheMigratedSchema() throws Exception {
        int planned = StoreExplainer.explainAll(jdbc, TemplateStore.class, Map.of(
                "id", "bigint", "level", "smallint", "needsLevel", "smallint", "name", "text", "body", "text",
                "traffic", "text", "context", "text", "createdBy", "text", "reviewer", "text", "reason", "text"),
                Set.of("COLUMNS"));
        assertThat(planned).isEqualTo(6);
    }
}
