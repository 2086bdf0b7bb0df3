package io.tidings.sms.providers;

import io.tidings.sms.SmsProvidersSpringTest;
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

/** Plans every statement of SmsProvidersStore against the migrated schema, so a broken query fails here. */
@SmsProvidersSpringTest
class SmsProvidersStoreExplainTests {

    private static final Map<String, String> PARAMETER_TYPES = Map.of("id", "bigint", "kind", "text", "name", "text",
            "config", "text", "enabled", "boolean");
    private static final Set<String> FRAGMENTS = Set.of("COLUMNS");
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStoreStatementPlansAgainstTheMigratedSchema() throws Exception {
        Map<String, String> statements = new LinkedHashMap<>();
        for (Field f : SmsProvidersStore.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != String.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) {
                continue;
            }
            f.setAccessible(true);
            String sql = (String) f.get(null);
            String first = sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (Set.of("select", "insert", "update", "delete", "with").contains(first)) {
                statements.put(f.getName(), sql);
            } else {
                assertThat(FRAGMENTS).as("%s is neither a statement nor a known fragment", f.getName()).contains(f.getName());
            }
        }
        assertThat(statements).hasSize(6);
        for (var s : statements.entrySet()) {
            assertThatCode(() -> jdbc.sql("explain " + withTypedNulls(s.getValue())).query(String.class).list())
                    .as(s.getKey()).doesNotThrowAnyException();
        }
    }

    @Test
    void theExplainTestReallyRejectsABrokenQuery() {
        assertThatCode(() -> jdbc.sql("explain " + withTypedNulls("select no_such_column from sms_providers where id = :id"))
                .query(String.class).list()).isInstanceOf(Exception.class);
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
