package io.tidings.mail;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The IMAP mailboxes and their fetch state, all SQL. A mailbox is fetched by one node at a time: the
 * node takes a lease with {@code FOR UPDATE SKIP LOCKED}; each UID is taken in the same transaction as
 * its stored mail, so a crash mid-poll neither loses nor doubles a message.
 */
@Repository
class ImapMailboxes {

    /** What the fetcher needs, the password included. */
    record Lease(long id, String host, int port, boolean tls, String username, String password, String folder,
                 Long uidValidity, long lastUid) {
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]");
    private static final String COLUMNS = """
            id, name, host, port, tls, username, folder, enabled, uid_validity, last_uid, last_poll_at, last_error, fetched
            """;
    private static final String INSERT = """
            insert into mail_mailboxes (name, host, port, tls, username, password, folder)
            values (:name, :host, :port, :tls, :username, :password, :folder)
            returning id
            """;
    private static final String LIST = "select " + COLUMNS + " from mail_mailboxes order by name";
    private static final String FIND = "select " + COLUMNS + " from mail_mailboxes where id = :id";
    private static final String DELETE = "delete from mail_mailboxes where id = :id";
    private static final String SET_ENABLED = "update mail_mailboxes set enabled = :enabled where id = :id";
    // The next mailbox due (or the one named, when :id is set), unless another node holds its lease.
    private static final String LEASE = """
            update mail_mailboxes m set lease_owner = :node, lease_until = now() + make_interval(secs => :leaseSeconds)
            where m.id = (
                select id from mail_mailboxes
                where enabled and (lease_until is null or lease_until < now())
                  and (:id::bigint is null and (last_poll_at is null or last_poll_at <= now() - make_interval(secs => :everySeconds))
                       or id = :id::bigint)
                order by last_poll_at nulls first, id
                limit 1 for update skip locked)
            returning m.id, m.host, m.port, m.tls, m.username, m.password, m.folder, m.uid_validity, m.last_uid
            """;
    private static final String RELEASE = """
            update mail_mailboxes set lease_owner = null, lease_until = null, last_poll_at = now(), last_error = :error
            where id = :id and lease_owner = :node
            """;
    // A new UIDVALIDITY means the old UIDs mean nothing any more: start again from the first UID.
    private static final String SET_VALIDITY = """
            update mail_mailboxes set uid_validity = :uidValidity, last_uid = 0 where id = :id
            """;
    private static final String TAKE = """
            insert into mail_imap_taken (mailbox_id, uid_validity, uid) values (:id, :uidValidity, :uid)
            on conflict do nothing
            """;
    private static final String TAKEN_AS = """
            update mail_imap_taken set inbound_id = :inboundId where mailbox_id = :id and uid_validity = :uidValidity and uid = :uid
            """;
    private static final String ADVANCE = """
            update mail_mailboxes set last_uid = greatest(last_uid, :uid), fetched = fetched + :fetched
            where id = :id and uid_validity = :uidValidity
            """;

    private final JdbcClient jdbc;

    ImapMailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ImapMailbox add(NewImapMailbox m) {
        String name = required("name", m.name(), 100);
        String host = required("host", m.host(), 253);
        if (!HOST.matcher(host).matches()) {
            throw new InvalidInputException("host", "'" + host + "' is not a host name or address");
        }
        boolean tls = m.tls() == null || m.tls();
        int port = m.port() == null ? (tls ? 993 : 143) : m.port();
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "a port is 1 to 65535");
        }
        String folder = m.folder() == null || m.folder().isBlank() ? "INBOX" : required("folder", m.folder(), 200);
        try {
            long id = jdbc.sql(INSERT).param("name", name).param("host", host).param("port", port).param("tls", tls)
                    .param("username", required("username", m.username(), 320))
                    .param("password", password(m.password())).param("folder", folder)
                    .query(Long.class).single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("There is already a mailbox named '" + name + "'.");
        }
    }

    List<ImapMailbox> list() {
        return jdbc.sql(LIST).query(ImapMailboxes::mailbox).list();
    }

    Optional<ImapMailbox> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(ImapMailboxes::mailbox).optional();
    }

    ImapMailbox get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no mailbox " + id + "."));
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() > 0;
    }

    void setEnabled(long id, boolean enabled) {
        if (jdbc.sql(SET_ENABLED).param("id", id).param("enabled", enabled).update() == 0) {
            throw new NotFoundException("There is no mailbox " + id + ".");
        }
    }

    /** @param id a mailbox to poll now, or null for the next one due */
    Optional<Lease> lease(Long id, String node, long leaseSeconds, long everySeconds) {
        return jdbc.sql(LEASE).param("id", id).param("node", node).param("leaseSeconds", leaseSeconds)
                .param("everySeconds", everySeconds)
                .query((rs, n) -> new Lease(rs.getLong("id"), rs.getString("host"), rs.getInt("port"), rs.getBoolean("tls"),
                        rs.getString("username"), rs.getString("password"), rs.getString("folder"),
                        (Long) rs.getObject("uid_validity"), rs.getLong("last_uid")))
                .optional();
    }

    void release(long id, String node, String error) {
        jdbc.sql(RELEASE).param("id", id).param("node", node)
                .param("error", error == null || error.length() <= 1000 ? error : error.substring(0, 1000)).update();
    }

    void setValidity(long id, long uidValidity) {
        jdbc.sql(SET_VALIDITY).param("id", id).param("uidValidity", uidValidity).update();
    }

    /** False when this UID was taken before (by this node or another). */
    boolean take(long id, long uidValidity, long uid) {
        return jdbc.sql(TAKE).param("id", id).param("uidValidity", uidValidity).param("uid", uid).update() == 1;
    }

    void takenAs(long id, long uidValidity, long uid, long inboundId) {
        jdbc.sql(TAKEN_AS).param("id", id).param("uidValidity", uidValidity).param("uid", uid).param("inboundId", inboundId).update();
    }

    void advance(long id, long uidValidity, long uid, boolean fetched) {
        jdbc.sql(ADVANCE).param("id", id).param("uidValidity", uidValidity).param("uid", uid).param("fetched", fetched ? 1 : 0).update();
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(field, field + " has at most " + max + " characters and no control characters");
        }
        return value.strip();
    }

    /** Kept as typed: spaces may be part of a password. */
    private static String password(String p) {
        if (p == null || p.isEmpty()) {
            throw new InvalidInputException("password", "password is required");
        }
        if (p.length() > 1000 || p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException("password", "password has at most 1000 characters and no control characters");
        }
        return p;
    }

    private static ImapMailbox mailbox(ResultSet rs, int row) throws SQLException {
        Timestamp polled = rs.getTimestamp("last_poll_at");
        return new ImapMailbox(rs.getLong("id"), rs.getString("name"), rs.getString("host"), rs.getInt("port"),
                rs.getBoolean("tls"), rs.getString("username"), rs.getString("folder"), rs.getBoolean("enabled"),
                (Long) rs.getObject("uid_validity"), rs.getLong("last_uid"), polled == null ? null : polled.toInstant(),
                rs.getString("last_error"), rs.getLong("fetched"));
    }
}
