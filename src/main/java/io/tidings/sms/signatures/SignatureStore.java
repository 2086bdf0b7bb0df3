package io.tidings.sms.signatures;

import io.tidings.sms.ReviewState;
import io.tidings.sms.Signature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** All SQL of sender signatures. State changes are single guarded updates, so two reviewers cannot both win. */
@Repository
class SignatureStore {

    private static final String COLUMNS = "id, value, state, rejection_reason, applied_by, applied_at, reviewed_by, reviewed_at";
    private static final String ALL = "select " + COLUMNS + " from sms_signatures order by applied_at desc, id desc";
    private static final String BY_ID = "select " + COLUMNS + " from sms_signatures where id = :id";
    private static final String BY_VALUE = "select " + COLUMNS + " from sms_signatures where value = :value";
    // A rejected signature may be applied for again: the same row goes back to pending, so its id
    // (and what the send path remembers of it) stays. Pending or approved rows are left alone.
    private static final String APPLY = """
            insert into sms_signatures as s (value, state, applied_by, applied_at)
            values (:value, 'pending', :appliedBy, now())
            on conflict (value) do update
              set state = 'pending', rejection_reason = null, applied_by = excluded.applied_by,
                  applied_at = excluded.applied_at, reviewed_by = null, reviewed_at = null
              where s.state = 'rejected'
            returning
            """ + COLUMNS;
    private static final String APPROVE = """
            update sms_signatures set state = 'approved', reviewed_by = :reviewer, reviewed_at = now()
            where id = :id and state = 'pending'
            returning
            """ + COLUMNS;
    private static final String REJECT = """
            update sms_signatures set state = 'rejected', rejection_reason = :reason, reviewed_by = :reviewer,
                   reviewed_at = now()
            where id = :id and state in ('pending', 'approved')
            returning
            """ + COLUMNS;

    private final JdbcClient jdbc;

    SignatureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Signature> all() {
        return jdbc.sql(ALL).query((rs, n) -> signature(rs)).list();
    }

    Optional<Signature> byId(long id) {
        return jdbc.sql(BY_ID).param("id", id).query((rs, n) -> signature(rs)).optional();
    }

    Optional<Signature> byValue(String value) {
        return jdbc.sql(BY_VALUE).param("value", value).query((rs, n) -> signature(rs)).optional();
    }

    /** Empty when the signature is already pending or approved. */
    Optional<Signature> apply(String value, String appliedBy) {
        return jdbc.sql(APPLY).param("value", value).param("appliedBy", appliedBy)
                .query((rs, n) -> signature(rs)).optional();
    }

    /** Empty when there is no pending signature with this id. */
    Optional<Signature> approve(long id, String reviewer) {
        return jdbc.sql(APPROVE).param("id", id).param("reviewer", reviewer).query((rs, n) -> signature(rs)).optional();
    }

    /** Empty when there is no pending or approved signature with this id. */
    Optional<Signature> reject(long id, String reviewer, String reason) {
        return jdbc.sql(REJECT).param("id", id).param("reviewer", reviewer).param("reason", reason)
                .query((rs, n) -> signature(rs)).optional();
    }

    private static Signature signature(ResultSet rs) throws SQLException {
        return new Signature(rs.getLong("id"), rs.getString("value"), ReviewState.parse(rs.getString("state")),
                rs.getString("rejection_reason"), rs.getString("applied_by"), instant(rs, "applied_at"),
                rs.getString("reviewed_by"), instant(rs, "reviewed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
