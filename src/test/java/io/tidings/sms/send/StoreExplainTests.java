package io.tidings.sms.send;

import io.tidings.StoreExplainer;
import io.tidings.sms.inbound.InboundStore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StoreExplainTests extends SmsSendTestSupport {

    @Test
    void everyRateStatementPlansAgainstTheMigratedSchema() throws Exception {
        assertThat(StoreExplainer.explainAll(jdbc, RateStore.class, Map.of("providerId", "bigint", "country", "text",
                "traffic", "text", "senderType", "text", "minVolume", "bigint", "priceMicros", "bigint", "currency", "text"),
                Set.of())).isEqualTo(4);
    }

    @Test
    void everySendStatementPlansAgainstTheMigratedSchema() throws Exception {
        Map<String, String> types = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("id", "text"), Map.entry("account", "text"), Map.entry("traffic", "text"),
                Map.entry("profile", "text"), Map.entry("test", "boolean"), Map.entry("createdBy", "text"),
                Map.entry("recipients", "int"), Map.entry("eligible", "int"), Map.entry("held", "int"),
                Map.entry("excluded", "int"), Map.entry("credits", "bigint"), Map.entry("costs", "text"),
                Map.entry("sendId", "text"), Map.entry("smart", "boolean"), Map.entry("contactIds", "bigint[]"),
                Map.entry("tos", "text[]"), Map.entry("countries", "text[]"), Map.entry("texts", "text[]"),
                Map.entry("encodings", "text[]"), Map.entry("segments", "int[]"), Map.entry("prices", "bigint[]"),
                Map.entry("currencies", "text[]"), Map.entry("providerIds", "bigint[]"), Map.entry("notBefore", "text[]"),
                Map.entry("ids", "bigint[]"), Map.entry("dispatchIds", "bigint[]"), Map.entry("messageId", "bigint")));
        types.putAll(Map.of("providerMessageId", "text", "gateway", "text", "detail", "text", "providerId", "bigint",
                "state", "text", "error", "text", "reportedAt", "timestamptz", "status", "text", "errorCode", "text",
                "applied", "boolean"));
        types.putAll(Map.of("priceMicros", "bigint", "currency", "text", "providerMessageIds", "text[]", "details", "text[]"));
        types.putAll(Map.of("limit", "int", "days", "int", "submitted", "int", "succeeded", "int", "billed", "bigint",
                "contactId", "bigint"));
        types.putAll(Map.of("states", "text[]", "errors", "text[]", "reportedAts", "text[]", "n", "int",
                "finalStates", "text[]", "finalDetails", "text[]"));
        types.putAll(Map.of("note", "text", "seconds", "bigint"));
        int planned = StoreExplainer.explainAll(jdbc, SendStore.class, types, Set.of());
        assertThat(planned).isEqualTo(22);
    }

    @Test
    void everyParkedReportStatementPlansAgainstTheMigratedSchema() throws Exception {
        Map<String, String> types = new java.util.HashMap<>(Map.of("hours", "int", "minutes", "int"));
        types.putAll(Map.of("providerMessageId", "text", "gateway", "text",
                "status", "text", "errorCode", "text", "detail", "text", "reportedAt", "timestamptz", "applied", "boolean",
                "ids", "text[]", "limit", "int", "days", "int"));
        types.putAll(Map.of("providerMessageIds", "text[]", "statuses", "text[]", "errorCodes", "text[]",
                "details", "text[]", "reportedAts", "text[]"));
        assertThat(StoreExplainer.explainAll(jdbc, ReportStore.class, types, Set.of())).isEqualTo(12);
    }

    @Test
    void everyInboundStatementPlansAgainstTheMigratedSchema() throws Exception {
        assertThat(StoreExplainer.explainAll(jdbc, InboundStore.class, Map.of("gateway", "text", "providerMessageId", "text",
                "from", "text", "to", "text", "text", "text", "contactId", "bigint", "kind", "text"), Set.of())).isEqualTo(2);
    }
}
