package io.tidings.threads;

import io.tidings.StoreExplainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThreadStoreExplainTests {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("id", "bigint"), Map.entry("model", "text"), Map.entry("recordId", "bigint"),
            Map.entry("kind", "text"), Map.entry("subtype", "text"), Map.entry("authorUser", "text"),
            Map.entry("authorAddress", "text"), Map.entry("subject", "text"), Map.entry("body", "text"),
            Map.entry("recipients", "text[]"), Map.entry("messageId", "text"), Map.entry("inReplyTo", "text"),
            Map.entry("before", "bigint"), Map.entry("limit", "integer"), Map.entry("follower", "text"),
            Map.entry("subtypes", "text[]"), Map.entry("username", "text"), Map.entry("channel", "text"),
            Map.entry("today", "date"), Map.entry("type", "text"), Map.entry("dueDate", "date"),
            Map.entry("assignee", "text"), Map.entry("note", "text"), Map.entry("createdBy", "text"),
            Map.entry("doneBy", "text"), Map.entry("threadMessageId", "bigint"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyThreadStatementPlansAgainstTheMigratedSchema() throws Exception {
        int planned = StoreExplainer.explainAll(jdbc, ThreadStore.class, TYPES, Set.of("MESSAGE_COLUMNS", "ACTIVITY_COLUMNS"));
        assertThat(planned).isEqualTo(18);
    }
}
