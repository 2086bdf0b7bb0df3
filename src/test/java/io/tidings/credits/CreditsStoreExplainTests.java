package io.tidings.credits;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStoreStatementPlansAgainstTheMigratedSchema() throws Exception {
        Map<String, String> statements = statements();
        assertThat(statements).hasSizeGreaterThan(20);
        for (var statement : statements.entrySet()) {
            String sql = withTypedNulls(statement.getValue());
            assertThatCode(() -> jdbc.sql("explain " + sql).query(String.class).list())
                    .as(statement.getKey())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theExplainTestReallyRejectsABrokenQuery() {
        assertThatCode(() -> jdbc.sql("explain " + withTypedNulls("select no_such_column from credit_lots where id = :lotId"))
                .query(String.class).list()).isInstanceOf(Exception.class);
    }

    private static Map<String, String> statements() throws IllegalAccessException {
        Map<String, String> found = new LinkedHashMap<>();
        for (Field f : CreditsStore.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != String.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) {
                continue;
            }
            f.setAccessible(true);
            String sql = (String) f.get(null);
            String first = sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (Set.of("select", "insert", "update", "delete", "with").contains(first)) {
                found.put(f.getName(), sql);
            } else {
                assertThat(FRAGMENTS).as("%s is neither a statement nor a known fragment", f.getName()).contains(f.getName());
            }
        }
        return found;
    }

    private static String withTypedNulls(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String type = PARAMETER_TYPES.get(m.group(1));
            assertThat(type).as("type of parameter :%s", m.group(1)).isNotNull();
            m.appendReplacement(out, "(null::" + type + ")");
        }
        m.appendTail(out);
        return out.toString();
    }
}
