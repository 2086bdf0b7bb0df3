package io.tidings.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of configured SMTP servers. */
@Repository
class MailServerStore {

    private static final String COLUMNS = "id, name, host, port, security, username, password, priority, active";
    private static final String ALL = "select " + COLUMNS + " from mail_servers order by priority, id";
    // read once per batch by the sender
    private static final String ACTIVE = "select " + COLUMNS + " from mail_servers where active order by priority, id";
    private static final String ONE = "select " + COLUMNS + " from mail_servers where id = :id";
    private static final String INSERT = """
            insert into mail_servers (name, host, port, security, username, password, priority, active)
            values (:name, :host, :port, :security, :username, :password, :priority, :active)
            on conflict (name) do nothing
            returning id""";
    private static final String SET_ACTIVE = "update mail_servers set active = :active, updated_at = now() where id = :id";
    private static final String DELETE = "delete from mail_servers where id = :id";

    record Row(SmtpTarget target, boolean active) {
    }

    private final JdbcClient jdbc;

    MailServerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all() {
        return jdbc.sql(ALL).query(MailServerStore::row).list();
    }

    List<SmtpTarget> active() {
        return jdbc.sql(ACTIVE).query(MailServerStore::row).list().stream().map(Row::target).toList();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(ONE).param("id", id).query(MailServerStore::row).optional();
    }

    /** Empty when the name is taken. */
    Optional<Long> insert(SmtpTarget t, boolean active) {
        return jdbc.sql(INSERT).param("name", t.name()).param("host", t.host()).param("port", t.port())
                .param("security", t.security().key()).param("username", t.username()).param("password", t.password())
                .param("priority", t.priority()).param("active", active).query(Long.class).optional();
    }

    boolean setActive(long id, boolean active) {
        return jdbc.sql(SET_ACTIVE).param("id", id).param("active", active).update() > 0;
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new SmtpTarget(rs.getLong("id"), rs.getString("name"), rs.getString("host"), rs.getInt("port"),
                MailSecurity.parse(rs.getString("security")), rs.getString("username"), rs.getString("password"),
                rs.getInt("priority"), false), rs.getBoolean("active"));
    }
}
