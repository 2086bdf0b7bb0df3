package io.tidings.sms.templates;

import io.tidings.dispatch.Traffic;
import io.tidings.sms.ReviewState;
import io.tidings.sms.SmsTemplate;
import io.tidings.sms.TemplateContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** All SQL of SMS templates. Variables are not stored: they are read from the body, which is the truth. */
@Repository
class TemplateStore {

    private static final String COLUMNS = """
            id, name, body, traffic, context, state, rejection_reason, created_by, created_at, reviewed_by, reviewed_at
            """;
    private static final String ALL = "select " + COLUMNS + " from sms_templates order by created_at desc, id desc";
    private static final String BY_ID = "select " + COLUMNS + " from sms_templates where id = :id";
    private static final String USABLE = "select " + COLUMNS + """
             from sms_templates
            where state = 'approved' and needs_level <= :level
            order by name
            """;
    private static final String INSERT = """
            insert into sms_templates (name, body, traffic, context, needs_level, state, created_by, created_at)
            values (:name, :body, :traffic, :context, :needsLevel, 'pending', :createdBy, now())
            on conflict (name) do nothing
            returning
            """ + COLUMNS;
    private static final String APPROVE = """
            update sms_templates set state = 'approved', reviewed_by = :reviewer, reviewed_at = now()
            where id = :id and state = 'pending'
            returning
            """ + COLUMNS;
    private static final String REJECT = """
            update sms_templates set state = 'rejected', rejection_reason = :reason, reviewed_by = :reviewer,
                   reviewed_at = now()
            where id = :id and state in ('pending', 'approved')
            returning
            """ + COLUMNS;

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SmsTemplate> all() {
        return jdbc.sql(ALL).query((rs, n) -> template(rs)).list();
    }

    Optional<SmsTemplate> byId(long id) {
        return jdbc.sql(BY_ID).param("id", id).query((rs, n) -> template(rs)).optional();
    }

    /** Approved templates needing at most this context level. */
    List<SmsTemplate> usable(TemplateContext context) {
        return jdbc.sql(USABLE).param("level", level(context)).query((rs, n) -> template(rs)).list();
    }

    /** Empty when the name is taken. */
    Optional<SmsTemplate> insert(String name, String body, Traffic traffic, TemplateContext context,
                                 TemplateContext needs, String createdBy) {
        return jdbc.sql(INSERT).param("name", name).param("body", body).param("traffic", traffic.key())
                .param("context", context.key()).param("needsLevel", level(needs)).param("createdBy", createdBy)
                .query((rs, n) -> template(rs)).optional();
    }

    Optional<SmsTemplate> approve(long id, String reviewer) {
        return jdbc.sql(APPROVE).param("id", id).param("reviewer", reviewer).query((rs, n) -> template(rs)).optional();
    }

    Optional<SmsTemplate> reject(long id, String reviewer, String reason) {
        return jdbc.sql(REJECT).param("id", id).param("reviewer", reviewer).param("reason", reason)
                .query((rs, n) -> template(rs)).optional();
    }

    // Levels are cumulative (TemplateContext): customer 1 < order 2 < product 3.
    private static int level(TemplateContext context) {
        return context.ordinal() + 1;
    }

    private static SmsTemplate template(ResultSet rs) throws SQLException {
        String body = rs.getString("body");
        return new SmsTemplate(rs.getLong("id"), rs.getString("name"), body, Traffic.parse(rs.getString("traffic")),
                TemplateContext.parse(rs.getString("context")), TemplateVariables.of(body),
                ReviewState.parse(rs.getString("state")), rs.getString("rejection_reason"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
