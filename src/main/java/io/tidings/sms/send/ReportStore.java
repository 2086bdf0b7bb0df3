package io.tidings.sms.send;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All SQL of missing and early delivery reports: reports parked because they arrived before their message's
 * provider id was stored, and messages whose report (or worker) never came.
 */
@Repository
class ReportStore {

    private static final String DISPATCH_ID = "select dispatch_message_id from sms_messages where gateway = :gateway and provider_message_id = :providerMessageId and dispatch_message_id is not null";
    private static final String PARK_REPORT = """
            insert into sms_pending_reports (provider_message_id, gateway, status, error_code, detail, reported_at, applied_to_sms)
            values (:providerMessageId, :gateway, :status, :errorCode, :detail, :reportedAt, :applied)
            on conflict (gateway, provider_message_id) do nothing
            """;
    // Many at once, one statement: parked as not yet applied (kept as they are when already parked), or as applied
    // to our message and owed to dispatch (an existing parked row is marked applied).
    private static final String PARK_ALL = """
            insert into sms_pending_reports (provider_message_id, gateway, status, error_code, detail, reported_at, applied_to_sms)
            select distinct on (r.provider_message_id) r.provider_message_id, :gateway, r.status, r.error_code, r.detail,
                   r.reported_at::timestamptz, :applied
            from unnest(:providerMessageIds::text[], :statuses::text[], :errorCodes::text[], :details::text[],
                        :reportedAts::text[]) as r(provider_message_id, status, error_code, detail, reported_at)
            on conflict (gateway, provider_message_id) do update
            set applied_to_sms = sms_pending_reports.applied_to_sms or excluded.applied_to_sms
            """;
    private static final String PENDING = """
            select provider_message_id, gateway, status, error_code, detail, reported_at, applied_to_sms
            from sms_pending_reports where gateway = :gateway and provider_message_id = any(:ids::text[])
            """;
    private static final String PENDING_BATCH = """
            select provider_message_id, gateway, status, error_code, detail, reported_at, applied_to_sms
            from sms_pending_reports order by received_at limit :limit
            """;
    private static final String MARK_PENDING_APPLIED = "update sms_pending_reports set applied_to_sms = true where gateway = :gateway and provider_message_id = :providerMessageId";
    private static final String DROP_PENDING = "delete from sms_pending_reports where gateway = :gateway and provider_message_id = :providerMessageId";
    private static final String MARK_ALL_PENDING_APPLIED = "update sms_pending_reports set applied_to_sms = true where gateway = :gateway and provider_message_id = any(:ids::text[])";
    private static final String DROP_ALL_PENDING = "delete from sms_pending_reports where gateway = :gateway and provider_message_id = any(:ids::text[])";
    private static final String EXPIRE_PENDING = "delete from sms_pending_reports where received_at < now() - make_interval(days => :days)";

    // A provider that never reports leaves a message sent for ever, and its send unsettled: after the
    // timeout it counts as failed (submitted, so billed, but not succeeded).
    private static final String EXPIRE_SILENT = """
            with done as (
                update sms_messages set state = 'failed', error = 'no delivery report', final_at = now(), updated_at = now()
                where state = 'sent' and sent_at < now() - make_interval(hours => :hours)
                returning id, send_id
            ), history as (
                insert into sms_message_events (message_id, state, detail)
                select id, 'failed', 'no delivery report within ' || :hours::int || ' hours' from done
            )
            select distinct send_id from done where send_id is not null
            """;
    // Waiting longer than any lease: dispatch may have given up on it (a hung provider used up its attempts).
    private static final String LONG_QUEUED = """
            select id, dispatch_message_id from sms_messages
            where state in ('queued', 'held') and dispatch_message_id is not null
              and updated_at < now() - make_interval(mins => :minutes) and (not_before is null or not_before < now())
            order by updated_at limit :limit
            """;

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Pending(String providerMessageId, String gateway, String status, String errorCode, String detail,
                   Instant reportedAt, boolean appliedToSms) {
    }

    Optional<Long> dispatchId(String gateway, String providerMessageId) {
        return jdbc.sql(DISPATCH_ID).param("gateway", gateway).param("providerMessageId", providerMessageId).query(Long.class).optional();
    }

    void park(Pending p) {
        jdbc.sql(PARK_REPORT).param("providerMessageId", p.providerMessageId()).param("gateway", p.gateway())
                .param("status", p.status()).param("errorCode", p.errorCode()).param("detail", p.detail())
                .param("reportedAt", OffsetDateTime.ofInstant(p.reportedAt(), ZoneOffset.UTC))
                .param("applied", p.appliedToSms()).update();
    }

    /** Parks reports of one gateway in one statement; see PARK_ALL. */
    void parkAll(List<Pending> reports, boolean applied) {
        Map<String, List<Pending>> byGateway = new LinkedHashMap<>();
        reports.forEach(p -> byGateway.computeIfAbsent(p.gateway(), k -> new ArrayList<>()).add(p));
        byGateway.forEach((gateway, list) -> {
            int n = list.size();
            String[] ids = new String[n], statuses = new String[n], codes = new String[n], details = new String[n], ats = new String[n];
            for (int i = 0; i < n; i++) {
                Pending p = list.get(i);
                ids[i] = p.providerMessageId();
                statuses[i] = p.status();
                codes[i] = p.errorCode();
                details[i] = p.detail();
                ats[i] = p.reportedAt().toString();
            }
            jdbc.sql(PARK_ALL).param("gateway", gateway).param("applied", applied).param("providerMessageIds", ids)
                    .param("statuses", statuses).param("errorCodes", codes).param("details", details)
                    .param("reportedAts", ats).update();
        });
    }

    List<Pending> pending(String gateway, String[] providerMessageIds) {
        return jdbc.sql(PENDING).param("gateway", gateway).param("ids", providerMessageIds).query(ReportStore::pending).list();
    }

    List<Pending> pendingBatch(int limit) {
        return jdbc.sql(PENDING_BATCH).param("limit", limit).query(ReportStore::pending).list();
    }

    void markPendingApplied(String gateway, String providerMessageId) {
        jdbc.sql(MARK_PENDING_APPLIED).param("gateway", gateway).param("providerMessageId", providerMessageId).update();
    }

    void dropPending(String gateway, String providerMessageId) {
        jdbc.sql(DROP_PENDING).param("gateway", gateway).param("providerMessageId", providerMessageId).update();
    }

    void markPendingApplied(String gateway, String[] providerMessageIds) {
        jdbc.sql(MARK_ALL_PENDING_APPLIED).param("gateway", gateway).param("ids", providerMessageIds).update();
    }

    void dropPending(String gateway, String[] providerMessageIds) {
        jdbc.sql(DROP_ALL_PENDING).param("gateway", gateway).param("ids", providerMessageIds).update();
    }

    int expirePending(int days) {
        return jdbc.sql(EXPIRE_PENDING).param("days", days).update();
    }

    private static Pending pending(ResultSet rs, int i) throws SQLException {
        return new Pending(rs.getString("provider_message_id"), rs.getString("gateway"), rs.getString("status"),
                rs.getString("error_code"), rs.getString("detail"), instant(rs, "reported_at"),
                rs.getBoolean("applied_to_sms"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    List<String> expireSilent(int hours) {
        return jdbc.sql(EXPIRE_SILENT).param("hours", hours).query(String.class).list();
    }

    /** [sms message id, dispatch message id] pairs. */
    List<long[]> longQueued(int minutes, int limit) {
        return jdbc.sql(LONG_QUEUED).param("minutes", minutes).param("limit", limit)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }
}
