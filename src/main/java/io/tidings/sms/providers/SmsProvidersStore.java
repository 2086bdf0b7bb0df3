package io.tidings.sms.providers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** All SQL of the provider registry. Config travels as JSON text and is stored as jsonb. */
@Repository
class SmsProvidersStore {

    private static final String COLUMNS = "id, kind, name, config::text as config, enabled, version, created_at, updated_at";

    private static final String INSERT = """
            insert into sms_providers (kind, name, config, enabled)
            values (:kind, :name, cast(:config as jsonb), :enabled)
            returning
            """ + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from sms_providers where id = :id";
    private static final String FIND_FOR_UPDATE = "select " + COLUMNS + " from sms_providers where id = :id for update";
    private static final String LIST = "select " + COLUMNS + " from sms_providers order by id";
    private static final String UPDATE = """
            update sms_providers
            set name = :name, config = cast(:config as jsonb), enabled = :enabled,
                version = version + 1, updated_at = now()
            where id = :id
            returning
            """ + COLUMNS;
    // Several nodes may start together on an empty table: the unique name lets exactly one insert win.
    private static final String INSERT_DEFAULT_SANDBOX = """
            insert into sms_providers (kind, name, config, enabled)
            select 'sandbox', 'sandbox', '{}'::jsonb, true
            where not exists (select 1 from sms_providers)
            on conflict (name) do nothing
            """;

    private final JdbcClient jdbc;

    SmsProvidersStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the name is taken. */
    Optional<ProviderRow> insert(String kind, String name, String configJson, boolean enabled) {
        try {
            return Optional.of(jdbc.sql(INSERT).param("kind", kind).param("name", name).param("config", configJson)
                    .param("enabled", enabled).query((rs, n) -> row(rs)).single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<ProviderRow> find(long id) {
        return jdbc.sql(FIND).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** Locks the row until the transaction ends, so two config merges cannot lose each other's keys. */
    Optional<ProviderRow> findForUpdate(long id) {
        return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    List<ProviderRow> list() {
        return jdbc.sql(LIST).query((rs, n) -> row(rs)).list();
    }

    /** Empty when the new name is taken by another provider. */
    Optional<ProviderRow> update(long id, String name, String configJson, boolean enabled) {
        try {
            return jdbc.sql(UPDATE).param("id", id).param("name", name).param("config", configJson)
                    .param("enabled", enabled).query((rs, n) -> row(rs)).optional();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    boolean insertDefaultSandbox() {
        return jdbc.sql(INSERT_DEFAULT_SANDBOX).update() == 1;
    }

    private static ProviderRow row(ResultSet rs) throws SQLException {
        return new ProviderRow(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getString("config"),
                rs.getBoolean("enabled"), rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
