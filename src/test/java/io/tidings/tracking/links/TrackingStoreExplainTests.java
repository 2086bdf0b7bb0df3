package io.tidings.tracking.links;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackingStoreExplainTests {

    private static final Map<String, String> TYPES = Map.of(
            "domain", "text", "addedBy", "text", "candidates", "text", "sendId", "text", "target", "text",
            "code", "text", "recipientKey", "text", "userAgentHash", "text", "linkId", "bigint");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTrackingStatementPlansAgainstTheMigratedSchema() throws Exception {
        assertThat(StoreExplainer.explainAll(jdbc, TrackingStore.class, TYPES, Set.of())).isGreaterThanOrEqualTo(14);
    }

    @Test
    void theExplainTestReallyRejectsABrokenQuery() {
        assertThatCode(() -> jdbc.sql("explain " + StoreExplainer.withTypedNulls(
                "select no_such_column from tracking_links where id = :linkId", TYPES)).query(String.class).list())
                .isInstanceOf(Exception.class);
    }
}
