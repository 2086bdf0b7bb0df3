package io.tidings.contacts;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL statement of the module's stores, planned by PostgreSQL against the migrated schema:
 * a misspelt column or a type error fails here, not in production. Named parameters become NULL.
 */
@SpringBootTest
class StoreExplainTest {

    @Autowired
    DataSource dataSource;

    static Map<String, String> statements(Class<?> store) throws IllegalAccessException {
        Map<String, String> sql = new LinkedHashMap<>();
        for (Field f : store.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class
                    && f.getName().equals(f.getName().toUpperCase())) {
                f.setAccessible(true);
                String text = (String) f.get(null);
                String first = text.strip().split("\\s+")[0].toLowerCase();
                if (List.of("select", "insert", "update", "delete", "with", "create", "copy").contains(first)) {
                    sql.put(store.getSimpleName() + "." + f.getName(), text);
                }
            }
        }
        return sql;
    }

    static String withNullParameters(String sql) {
        return sql.replaceAll("(?<![:\\w]):[A-Za-z]\\w*", "NULL");
    }

    @Test
    void everyStatementOfTheStoresIsValidAgainstTheSchema() throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        // creating the staging table comes first: the import statements use it
        all.putAll(statements(ImportStore.class));
        all.putAll(statements(ContactStore.class));
        assertThat(all).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                for (Map.Entry<String, String> e : all.entrySet()) {
                    String sql = withNullParameters(e.getValue());
                    String verb = sql.strip().split("\\s+")[0].toLowerCase();
                    st.execute("savepoint s");
                    try {
                        switch (verb) {
                            case "create" -> st.execute(sql);
                            case "copy" -> con.unwrap(PGConnection.class).getCopyAPI()
                                    .copyIn(sql, new ByteArrayInputStream(new byte[0]));
                            default -> st.execute("explain " + sql);
                        }
                        st.execute("release savepoint s");
                    } catch (Exception ex) {
                        st.execute("rollback to savepoint s");
                        failures.add(e.getKey() + ": " + ex.getMessage());
                    }
                }
            } finally {
                con.rollback();
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theSearchMatchesTheTrigramIndexExpressionSoILikeIsAnIndexLookup() throws Exception {
        assertThat(statements(ContactStore.class).get("ContactStore.SEARCH")).contains(ContactStore.SEARCH_TEXT);
        String sql = "explain select id from contacts where " + ContactStore.SEARCH_TEXT + " ilike '%anna.smith%'";
        StringBuilder plan = new StringBuilder();
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            con.setAutoCommit(false);
            // a small test table would rightly be scanned; forbid that to see whether the index can serve
            st.execute("set local enable_seqscan = off");
            try (var rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            con.rollback();
        }
        assertThat(plan.toString()).contains("contacts_search_trgm");
    }

    @Test
    void parametersAreReplacedButCastsAreNot() {
        assertThat(withNullParameters("select cast(:a as text), x::int from t where id = :id"))
                .isEqualTo("select cast(NULL as text), x::int from t where id = NULL");
    }
}
