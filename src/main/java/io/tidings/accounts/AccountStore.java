package io.tidings.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
class AccountStore {

    private static final String INSERT_USER = """
            insert into users (username, display_name, email, password_hash, role)
            values (:username, :displayName, :email, :hash, :role)
            returning id
            """;
    private static final String USER_COLUMNS = "id, username, display_name, email, role, enabled, created_at";
    private static final String FIND_USER = "select " + USER_COLUMNS + ", password_hash from users where lower(username) = lower(:username)";
    private static final String LIST_USERS = "select " + USER_COLUMNS + " from users order by lower(username)";
    private static final String COUNT_USERS = "select count(*) from users";
    private static final String SET_PASSWORD = "update users set password_hash = :hash where id = :id";
    private static final String SET_ROLE = "update users set role = :role, enabled = :enabled where id = :id";

    private static final String INSERT_TOKEN = """
            insert into api_tokens (name, token_hash, prefix, role, created_by)
            values (:name, :hash, :prefix, :role, :createdBy)
            returning id, created_at
            """;
    private static final String TOKEN_COLUMNS = "id, name, prefix, role, created_at, last_used_at, revoked_at";
    private static final String FIND_TOKEN_BY_HASH = "select " + TOKEN_COLUMNS + " from api_tokens where token_hash = :hash and revoked_at is null";
    // Touching last_used_at on every request would turn reads into writes; once a minute is plenty.
    private static final String TOUCH_TOKEN = """
            update api_tokens set last_used_at = now()
            where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
            """;
    private static final String LIST_TOKENS = "select " + TOKEN_COLUMNS + " from api_tokens order by created_at desc";
    private static final String REVOKE_TOKEN = "update api_tokens set revoked_at = now() where id = :id and revoked_at is null";

    private static final String RECORD_FAILURE = "insert into login_failures (username, ip) values (:username, :ip)";
    private static final String RECENT_FAILURES = """
            select count(*) from login_failures
            where lower(username) = lower(:username) and failed_at > now() - make_interval(secs => :seconds)
            """;
    private static final String CLEAR_FAILURES = "delete from login_failures where lower(username) = lower(:username)";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertUser(String username, String displayName, String email, String hash, Role role) {
        return jdbc.sql(INSERT_USER)
                .param("username", username).param("displayName", displayName).param("email", email)
                .param("hash", hash).param("role", role.key())
                .query(Long.class).single();
    }

    record Credentials(User user, String passwordHash) {
    }

    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql(FIND_USER).param("username", username)
                .query((rs, n) -> new Credentials(user(rs), rs.getString("password_hash"))).optional();
    }

    List<User> users() {
        return jdbc.sql(LIST_USERS).query((rs, n) -> user(rs)).list();
    }

    long countUsers() {
        return jdbc.sql(COUNT_USERS).query(Long.class).single();
    }

    void setPassword(long id, String hash) {
        jdbc.sql(SET_PASSWORD).param("id", id).param("hash", hash).update();
    }

    void setRole(long id, Role role, boolean enabled) {
        jdbc.sql(SET_ROLE).param("id", id).param("role", role.key()).param("enabled", enabled).update();
    }

    ApiToken insertToken(String name, byte[] hash, String prefix, Role role, Long createdBy) {
        return jdbc.sql(INSERT_TOKEN)
                .param("name", name).param("hash", hash).param("prefix", prefix)
                .param("role", role.key()).param("createdBy", createdBy)
                .query((rs, n) -> new ApiToken(rs.getLong("id"), name, prefix, role, instant(rs, "created_at"), null, null))
                .single();
    }

    Optional<ApiToken> findToken(byte[] hash) {
        return jdbc.sql(FIND_TOKEN_BY_HASH).param("hash", hash).query((rs, n) -> token(rs)).optional();
    }

    void touchToken(long id) {
        jdbc.sql(TOUCH_TOKEN).param("id", id).update();
    }

    List<ApiToken> tokens() {
        return jdbc.sql(LIST_TOKENS).query((rs, n) -> token(rs)).list();
    }

    boolean revokeToken(long id) {
        return jdbc.sql(REVOKE_TOKEN).param("id", id).update() == 1;
    }

    void recordFailure(String username, String ip) {
        jdbc.sql(RECORD_FAILURE).param("username", username).param("ip", ip).update();
    }

    int recentFailures(String username, long seconds) {
        return jdbc.sql(RECENT_FAILURES).param("username", username).param("seconds", (double) seconds)
                .query(Integer.class).single();
    }

    void clearFailures(String username) {
        jdbc.sql(CLEAR_FAILURES).param("username", username).update();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.parse(rs.getString("role")), rs.getBoolean("enabled"),
                instant(rs, "created_at"));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                Role.parse(rs.getString("role")), instant(rs, "created_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
