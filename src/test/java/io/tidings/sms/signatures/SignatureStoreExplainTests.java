package io.tidings.sms.signatures;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignatureStoreExplainTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everySignatureStatementPlansAgainstTheMigratedSchema() throws Exception {
        int planned = StoreExplainer.explainAll(jdbc, SignatureStore.class,
                Map.of("id", "bigint", "value", "text", "appliedBy", "text", "reviewer", "text", "reason", "text"),
                Set.of("COLUMNS"));
        assertThat(planned).isEqualTo(6);
    }
}
