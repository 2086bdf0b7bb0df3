package io.tidings.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every statement of DispatchStore must plan against the migrated schema, so a broken query fails here. */
class DispatchStoreExplainTests extends DispatchTestSupport {

    // :name but not the :: of a cast
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    @Autowired
    TransactionTemplate tx;

    @Test
    void everyStatementOfTheStorePlansAgainstTheSchema() throws Exception {
        Map<String, String> statements = statements();
        assertThat(statements).hasSizeGreaterThanOrEqualTo(18);
        statements.forEach((name, sql) -> assertThatCode(() -> jdbc.sql("explain " + withNulls(sql)).query().listOfRows())
                .as(name).doesNotThrowAnyException());
    }

    @Test
    void theClaimWalksThePartialIndexInsteadOfTheTable() throws Exception {
        // channel = NULL would fold the whole scan away, so the channel gets a real value here.
        String claim = withNulls(statements().get("CLAIM").replace(":channel", "'explain-channel'").replace(":limit", "100"));
        String plan = tx.execute(s -> {
            // The test table is small, where a scan is cheaper; what matters is that the index can serve.
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + claim).query(String.class).list());
        });
        assertThat(plan).contains("dispatch_messages_claimable");
    }

    private static Map<String, String> statements() throws IllegalAccessException {
        Map<String, String> statements = new LinkedHashMap<>();
        for (Field f : DispatchStore.class.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (f.getType() == String.class && Modifier.isStatic(mod) && Modifier.isFinal(mod)) {
                f.setAccessible(true);
                statements.put(f.getName(), (String) f.get(null));
            }
        }
        return statements;
    }

    private static String withNulls(String sql) {
        return NAMED_PARAMETER.matcher(sql).replaceAll("NULL");
    }
}
