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
class InboundStoreExplainTests {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("id", "bigint"), Map.entry("source", "text"), Map.entry("mailboxId", "bigint"),
            Map.entry("remoteAddress", "text"), Map.entry("helo", "text"), Map.entry("envelopeFrom", "text"),
            Map.entry("envelopeTo", "text[]"), Map.entry("raw", "bytea"), Map.entry("size", "integer"),
            Map.entry("messageId", "text"), Map.entry("fromAddress", "text"), Map.entry("subject", "text"),
            Map.entry("html", "text"), Map.entry("route", "text"), Map.entry("detail", "text"), Map.entry("error", "text"),
            Map.entry("recordModel", "text"), Map.entry("recordId", "bigint"), Map.entry("threadMessageId", "bigint"),
            Map.entry("before", "bigint"), Map.entry("limit", "integer"), Map.entry("name", "text"),
            Map.entry("host", "text"), Map.entry("port", "integer"), Map.entry("tls", "boolean"),
            Map.entry("username", "text"), Map.entry("password", "text"), Map.entry("folder", "text"),
            Map.entry("enabled", "boolean"), Map.entry("node", "text"), Map.entry("leaseSeconds", "bigint"),
            Map.entry("everySeconds", "bigint"), Map.entry("uidValidity", "bigint"), Map.entry("uid", "bigint"),
            Map.entry("inboundId", "bigint"), Map.entry("fetched", "integer"), Map.entry("unlessCopy", "boolean"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyInboundMailStatementPlansAgainstTheMigratedSchema() throws Exception {
        assertThat(StoreExplainer.explainAll(jdbc, InboundMailStore.class, TYPES, Set.of("COLUMNS"))).isEqualTo(11);
        assertThat(StoreExplainer.explainAll(jdbc, ImapMailboxes.class, TYPES, Set.of("COLUMNS"))).isEqualTo(11);
        assertThat(StoreExplainer.explainAll(jdbc, InboundDuplicates.class, TYPES, Set.of())).isEqualTo(1);
    }
}
