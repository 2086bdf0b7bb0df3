package io.tidings;

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

/**
 * Plans every SQL statement of a Store (its {@code private static final String} fields) against the
 * migrated schema, named parameters replaced by typed NULLs, so a broken query fails in the test run.
 */
public final class StoreExplainer {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");
    private static final Set<String> STATEMENT_STARTS = Set.of("select", "insert", "update", "delete", "with");

    private StoreExplainer() {
    }

    /**
     * @param types     the PostgreSQL type of each named parameter; an unknown name fails
     * @param fragments fields that are spliced into statements rather than statements themselves
     * @return how many statements were planned
     */
    public static int explainAll(JdbcClient jdbc, Class<?> store, Map<String, String> types, Set<String> fragments)
            throws IllegalAccessException {
        Map<String, String> statements = statements(store, fragments);
        for (var statement : statements.entrySet()) {
            String sql = withTypedNulls(statement.getValue(), types);
            assertThatCode(() -> jdbc.sql("explain " + sql).query(String.class).list())
                    .as(store.getSimpleName() + "." + statement.getKey())
                    .doesNotThrowAnyException();
        }
        return statements.size();
    }

    public static String withTypedNulls(String sql, Map<String, String> types) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String type = types.get(m.group(1));
            assertThat(type).as("type of parameter :%s", m.group(1)).isNotNull();
            m.appendReplacement(out, "(null::" + type + ")");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> statements(Class<?> store, Set<String> fragments) throws IllegalAccessException {
        Map<String, String> found = new LinkedHashMap<>();
        for (Field f : store.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != String.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) {
                continue;
            }
            f.setAccessible(true);
            String sql = (String) f.get(null);
            String first = sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (STATEMENT_STARTS.contains(first)) {
                found.put(f.getName(), sql);
            } else {
                assertThat(fragments).as("%s is neither a statement nor a known fragment", f.getName()).contains(f.getName());
            }
        }
        return found;
    }
}
