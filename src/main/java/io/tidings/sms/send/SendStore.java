package io.tidings.sms.send;

import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsSendStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All SQL of sends, their messages and state history, and parked delivery reports. Every state change
 * writes its history row in the same statement (a data-modifying CTE), so the two cannot disagree.
 */
@Repository
class SendStore {

    private static final String INSERT_SEND = """
            insert into sms_sends (id, account, traffic, profile, test, created_by, recipients, eligible, held, excluded,
                                   credits, costs, state, queued, queued_at)
            values (:id, :account, :traffic, :profile, :test, :createdBy, :recipients, :eligible, :held, :excluded,
                    :credits, :costs::jsonb, :state, 0, now())
            """;
    private static final String QUEUED_CHUNK = """
            update sms_sends set queued = queued + :n, queued_at = now() where id = :id
            """;
    private static final String QUEUING_DONE = """
            update sms_sends set state = 'sending', note = :note where id = :id and state = 'queuing'
            """;
    // A node that dies while queuing leaves its send 'queuing' for good; after the timeout it sends what was queued.
    private static final String QUEUING_STALLED = """
            update sms_sends
            set state = 'sending',
                note = 'Queuing stopped after ' || queued || ' of ' || (eligible + held)
                       || ' messages (the node queuing it stopped); the rest were not sent and are not charged.'
            where state = 'queuing' and queued_at < now() - make_interval(secs => :seconds)
            returning id
            """;
    // Ids come first (NEW_MESSAGE_IDS) so that the dispatch messages, whose payload names them, are queued before
    // these rows are written, and each row is written once, its dispatch id included.
    private static final String NEW_MESSAGE_IDS = """
            select nextval(pg_get_serial_sequence('sms_messages', 'id')) from generate_series(1, :n)
            """;
    private static final String INSERT_MESSAGES = """
            with rows as (
                insert into sms_messages (id, send_id, contact_id, to_e164, country, text, encoding, segments, price_micros,
                                          currency, provider_id, traffic, smart, state, not_before, dispatch_message_id)
                overriding system value
                select r.id, :sendId::text, r.contact_id, r.to_e164, r.country, r.text, r.encoding, r.segments, r.price_micros,
                       r.currency, r.provider_id, :traffic::text, :smart::boolean,
                       case when r.not_before is null then 'queued' else 'held' end, r.not_before, r.dispatch_id
                from unnest(:ids::bigint[], :dispatchIds::bigint[], :contactIds::bigint[], :tos::text[], :countries::text[],
                            :texts::text[], :encodings::text[], :segments::int[], :prices::bigint[], :currencies::text[],
                            :providerIds::bigint[], :notBefore::text[]::timestamptz[])
                     with ordinality as r(id, dispatch_id, contact_id, to_e164, country, text, encoding, segments,
                                          price_micros, currency, provider_id, not_before, ord)
                order by r.ord
                returning id, state, not_before
            )
            insert into sms_message_events (message_id, state, detail)
            select id, state, nullif(concat_ws('; ', case when :test::boolean then 'test send' end,
                                                case when state = 'held' then 'quiet hours: goes out at ' || not_before end), '')
            from rows
            """;
    private static final String MESSAGES_BY_IDS = """
            select id, send_id, contact_id, to_e164, country, text, segments, provider_id, traffic, smart, state, provider_message_id
            from sms_messages where id = any(:ids::bigint[])
            """;
    // A submit result whose report came in the same journal group is written final at once: one row version, not two
    // (both history rows are kept). Per send, whether any other message is still open, as in APPLY_REPORTS: the
    // snapshot from before the update, leaving out only the messages this statement made final.
    private static final String MARK_ACCEPTED = """
            with done as (
                update sms_messages m
                set state = coalesce(a.final_state, 'sent'), provider_message_id = a.provider_message_id, gateway = :gateway,
                    provider_id = :providerId, sent_at = now(), updated_at = now(),
                    error = case when a.final_state is null then m.error else a.error end,
                    final_at = case when a.final_state is null then m.final_at else now() end
                from unnest(:ids::bigint[], :providerMessageIds::text[], :details::text[], :finalStates::text[],
                            :errors::text[], :finalDetails::text[], :reportedAts::text[])
                     as a(id, provider_message_id, detail, final_state, error, final_detail, at)
                where m.id = a.id and m.state in ('queued', 'held')
                returning m.id, m.send_id, a.provider_message_id, a.detail, a.final_state, a.final_detail, a.at
            ), history as (
                insert into sms_message_events (message_id, state, detail, at)
                select id, 'sent', detail, now() from done
                union all
                select id, final_state, final_detail, coalesce(at::timestamptz, now()) from done where final_state is not null
            ), sends as (
                select send_id, array_agg(id) as ids from done
                where send_id is not null and final_state is not null group by send_id
            ), left_open as (
                select s.send_id,
                       exists (select 1 from sms_messages o where o.send_id = s.send_id
                                 and o.state in ('queued', 'held', 'sent') and o.id <> all (s.ids)) as others_open
                from sends s
            )
            select d.provider_message_id, d.send_id, d.final_state is not null as final,
                   coalesce(l.others_open, false) as others_open
            from done d left join left_open l on l.send_id = d.send_id
            """;
    private static final String MARK_FINAL = """
            with done as (
                update sms_messages
                set state = :state, error = :error, final_at = now(), updated_at = now()
                where id = :messageId and state in ('queued', 'held', 'sent')
                returning id, send_id
            ), history as (
                insert into sms_message_events (message_id, state, detail)
                select id, :state::text, :error::text from done
            )
            select send_id from done
            """;
    private static final String SWITCH_PROVIDER = """
            with done as (
                update sms_messages set provider_id = :providerId, price_micros = :priceMicros, currency = :currency,
                                        updated_at = now()
                where id = :messageId and state in ('queued', 'held')
                returning id
            ), history as (
                insert into sms_message_events (message_id, state, detail)
                select id, 'failover', :detail::text from done
            )
            select count(*) from done
            """;
    // Only a sent message takes a report; a repeated report finds nothing to change.
    private static final String APPLY_REPORT = """
            with done as (
                update sms_messages
                set state = :state, error = :error, final_at = now(), updated_at = now()
                where gateway = :gateway and provider_message_id = :providerMessageId and state = 'sent'
                returning id, send_id
            ), history as (
                insert into sms_message_events (message_id, state, detail, at)
                select id, :state::text, :detail::text, coalesce(:reportedAt::timestamptz, now()) from done
            )
            select send_id from done
            """;
    // Many reports of one gateway in one statement; a provider id given twice changes its message once. Each id is
    // looked up on its own (the lateral subquery behind "offset 0" is not flattened into a join): the table grows
    // by thousands of rows a second during a send, faster than its statistics, and a join planned on stale ones
    // would scan every sent message for each group of reports.
    private static final String APPLY_REPORTS = """
            with done as (
                update sms_messages m
                set state = r.state, error = r.error, final_at = now(), updated_at = now()
                from (select u.provider_message_id, u.state, u.error, u.detail, u.at, x.id
                      from (select distinct on (provider_message_id) provider_message_id, state, error, detail, at
                            from unnest(:providerMessageIds::text[], :states::text[], :errors::text[], :details::text[],
                                        :reportedAts::text[]) as t(provider_message_id, state, error, detail, at)) u
                      cross join lateral (select id from sms_messages
                                          where gateway = :gateway and provider_message_id = u.provider_message_id
                                          offset 0) x) r
                where m.id = r.id and m.state = 'sent'
                returning m.id, m.send_id, r.provider_message_id, r.state, r.detail, r.at
            ), history as (
                insert into sms_message_events (message_id, state, detail, at)
                select id, state, detail, coalesce(at::timestamptz, now()) from done
            ), sends as (
                select send_id, array_agg(id) as ids from done where send_id is not null group by send_id
            ), left_open as (
                -- the snapshot from before the update: this statement's own messages are left out by id
                select s.send_id,
                       exists (select 1 from sms_messages o where o.send_id = s.send_id
                                 and o.state in ('queued', 'held', 'sent') and o.id <> all (s.ids)) as others_open
                from sends s
            )
            select d.provider_message_id, d.send_id, coalesce(l.others_open, false) as others_open
            from done d left join left_open l on l.send_id = d.send_id
            """;
    private static final String KNOWN_PROVIDER_IDS = """
            select provider_message_id from sms_messages where gateway = :gateway and provider_message_id = any(:providerMessageIds::text[])
            """;
    private static final String KNOWN_PROVIDER_ID = "select count(*) from sms_messages where gateway = :gateway and provider_message_id = :providerMessageId";
    private static final String HAS_OPEN = """
            select exists (select 1 from sms_messages where send_id = :id and state in ('queued', 'held', 'sent'))
            """;
    private static final String LOCK_SEND = "select state from sms_sends where id = :id for update";
    private static final String SEND_TOTALS = """
            select count(*) filter (where state in ('queued', 'held', 'sent')) as open,
                   count(*) filter (where provider_message_id is not null) as submitted,
                   count(*) filter (where state = 'delivered') as succeeded,
                   coalesce(sum(segments) filter (where provider_message_id is not null), 0) as billed
            from sms_messages where send_id = :id
            """;
    private static final String SETTLE_SEND = """
            update sms_sends set state = :state, submitted = :submitted, succeeded = :succeeded, billed = :billed,
                                 settled_at = now()
            where id = :id and state = 'sending'
            """;
    private static final String UNSETTLED_DONE = """
            select s.id from sms_sends s
            where s.state = 'sending'
              and not exists (select 1 from sms_messages m where m.send_id = s.id and m.state in ('queued', 'held', 'sent'))
            limit 100
            """;
    // One statement, so one snapshot: the send's state and its message counts are read at the same instant. Read
    // apart, a report that delivers the last message and settles the send could commit between the two reads,
    // and the send would show "settled" beside counts with a message still "sent".
    private static final String SEND_BY_ID = """
            select s.id, s.traffic, s.profile, s.test, s.state, s.created_by, s.created_at, s.recipients, s.eligible,
                   s.held, s.excluded, s.credits, s.submitted, s.succeeded, s.billed, s.settled_at, s.note,
                   c.queued, c.held_now, c.sent, c.delivered, c.failed, c.rejected, c.cancelled
            from sms_sends s
            cross join lateral (
                select count(*) filter (where m.state = 'queued') as queued,
                       count(*) filter (where m.state = 'held') as held_now,
                       count(*) filter (where m.state = 'sent') as sent,
                       count(*) filter (where m.state = 'delivered') as delivered,
                       count(*) filter (where m.state = 'failed') as failed,
                       count(*) filter (where m.state = 'rejected') as rejected,
                       count(*) filter (where m.state = 'cancelled') as cancelled
                from sms_messages m where m.send_id = s.id
            ) c
            where s.id = :id
            """;
    private static final String LOG = """
            select id, send_id, contact_id, to_e164, country, text, encoding, segments, price_micros, currency, provider_id,
                   provider_message_id, state, error, not_before, created_at, sent_at, final_at
            from sms_messages
            where (:sendId::text is null or send_id = :sendId::text) and (:contactId::bigint is null or contact_id = :contactId::bigint)
            order by id desc limit 1000
            """;
    private static final String EVENTS = """
            select message_id, state, detail, at from sms_message_events where message_id = any(:ids::bigint[]) order by id
            """;

    private final JdbcClient jdbc;

    SendStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param state {@code sending}, or {@code queuing} for a send queued in several chunks */
    record NewSend(String id, String account, String traffic, String profile, boolean test, String createdBy,
                   int recipients, int eligible, int held, int excluded, long credits, String costsJson,
                   String state) {
    }

    /** A message as the channel needs it. */
    record Row(long id, String sendId, Long contactId, String to, String country, String text, int segments,
               long providerId, String traffic, boolean smart, String state, String providerMessageId) {
    }

    record Totals(long open, long submitted, long succeeded, long billed) {
    }

    void insertSend(NewSend s) {
        jdbc.sql(INSERT_SEND).param("id", s.id()).param("account", s.account()).param("traffic", s.traffic())
                .param("profile", s.profile()).param("test", s.test()).param("createdBy", s.createdBy())
                .param("recipients", s.recipients()).param("eligible", s.eligible()).param("held", s.held())
                .param("excluded", s.excluded()).param("credits", s.credits()).param("costs", s.costsJson())
                .param("state", s.state()).update();
    }

    /** Counts a chunk of {@code n} messages as queued, in the chunk's transaction. */
    void queuedChunk(String sendId, int n) {
        jdbc.sql(QUEUED_CHUNK).param("id", sendId).param("n", n).update();
    }

    /** A 'queuing' send becomes 'sending' (its last chunk is in, or queuing failed: then {@code note} says why). */
    boolean queuingDone(String sendId, String note) {
        return jdbc.sql(QUEUING_DONE).param("id", sendId).param("note", note).update() == 1;
    }

    /** Sends left 'queuing' with no chunk for {@code seconds}: now 'sending' what they have, with a note. */
    List<String> queuingStalled(long seconds) {
        return jdbc.sql(QUEUING_STALLED).param("seconds", seconds).query(String.class).list();
    }

    /** Ids for {@code n} new messages, taken from the table's own sequence. */
    Long[] newMessageIds(int n) {
        return jdbc.sql(NEW_MESSAGE_IDS).param("n", n).query(Long.class).list().toArray(Long[]::new);
    }

    /** Writes the planned messages under ids from {@link #newMessageIds}, each with its dispatch message. */
    void insertMessages(String sendId, String traffic, boolean smart, boolean test, List<Planned> planned, Long[] ids,
                        Long[] dispatchIds) {
        int n = planned.size();
        Long[] contactIds = new Long[n];
        String[] tos = new String[n], countries = new String[n], texts = new String[n], encodings = new String[n], currencies = new String[n];
        Integer[] segments = new Integer[n];
        Long[] prices = new Long[n], providers = new Long[n];
        String[] notBefore = new String[n]; // ISO instants: the driver cannot bind an array of OffsetDateTime
        for (int i = 0; i < n; i++) {
            Planned p = planned.get(i);
            contactIds[i] = p.candidate().contactId();
            tos[i] = p.candidate().to();
            countries[i] = p.candidate().country();
            texts[i] = p.text();
            encodings[i] = p.encoding();
            segments[i] = p.units();
            prices[i] = p.route().priceMicros();
            currencies[i] = p.route().currency();
            providers[i] = p.route().providerId();
            notBefore[i] = p.holdUntil() == null ? null : p.holdUntil().toString();
        }
        jdbc.sql(INSERT_MESSAGES).param("sendId", sendId).param("test", test).param("traffic", traffic).param("smart", smart)
                .param("ids", ids).param("dispatchIds", dispatchIds)
                .param("contactIds", contactIds).param("tos", tos).param("countries", countries).param("texts", texts)
                .param("encodings", encodings).param("segments", segments).param("prices", prices)
                .param("currencies", currencies).param("providerIds", providers).param("notBefore", notBefore)
                .update();
    }

    List<Row> rows(Long[] ids) {
        return jdbc.sql(MESSAGES_BY_IDS).param("ids", ids).query((rs, i) -> new Row(rs.getLong("id"),
                rs.getString("send_id"), (Long) rs.getObject("contact_id"), rs.getString("to_e164"),
                rs.getString("country"), rs.getString("text"), rs.getInt("segments"), rs.getLong("provider_id"),
                rs.getString("traffic"), rs.getBoolean("smart"), rs.getString("state"),
                rs.getString("provider_message_id"))).list();
    }

    /** One statement for a whole batch a provider accepted. */
    /**
     * Records accepted submits; a message with a final state given (its report came with it) is written final too.
     * @return provider id → what changed, of each message this made final
     */
    Map<String, Applied> markAccepted(long providerId, String gateway, Long[] ids, String[] providerMessageIds,
                                      String[] details, String[] finalStates, String[] errors, String[] finalDetails,
                                      String[] reportedAts) {
        Map<String, Applied> applied = new HashMap<>();
        jdbc.sql(MARK_ACCEPTED).param("providerId", providerId).param("gateway", gateway).param("ids", ids)
                .param("providerMessageIds", providerMessageIds).param("details", details)
                .param("finalStates", finalStates).param("errors", errors).param("finalDetails", finalDetails)
                .param("reportedAts", reportedAts)
                .query((rs, i) -> {
                    if (rs.getBoolean(3)) {
                        applied.put(rs.getString(1), new Applied(rs.getString(2), rs.getBoolean(4)));
                    }
                    return null;
                }).list();
        return applied;
    }

    /** @return the send id (empty for a reply, or when the message was already final) */
    Optional<Optional<String>> markFinal(long id, String state, String error) {
        return jdbc.sql(MARK_FINAL).param("messageId", id).param("state", state).param("error", error)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional();
    }

    boolean switchProvider(long id, Route route, String detail) {
        return jdbc.sql(SWITCH_PROVIDER).param("messageId", id).param("providerId", route.providerId())
                .param("priceMicros", route.priceMicros()).param("currency", route.currency()).param("detail", detail)
                .query(Long.class).single() > 0;
    }

    Optional<Optional<String>> applyReport(String gateway, String providerMessageId, String state, String error, String detail, Instant at) {
        return jdbc.sql(APPLY_REPORT).param("gateway", gateway).param("providerMessageId", providerMessageId).param("state", state)
                .param("error", error).param("detail", detail).param("reportedAt", at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional();
    }

    /** A message a report changed: its send (null for a reply), and whether that send has other open messages. */
    record Applied(String sendId, boolean othersOpen) {
    }

    /**
     * @return provider id → what changed, for each message the reports changed. {@code othersOpen} is read in the
     * same statement; another transaction's uncommitted change counts as open, so false means this was the last.
     */
    Map<String, Applied> applyReports(String gateway, String[] providerMessageIds, String[] states, String[] errors,
                                      String[] details, String[] reportedAts) {
        Map<String, Applied> applied = new HashMap<>();
        jdbc.sql(APPLY_REPORTS).param("gateway", gateway).param("providerMessageIds", providerMessageIds)
                .param("states", states).param("errors", errors).param("details", details).param("reportedAts", reportedAts)
                .query((rs, i) -> {
                    applied.put(rs.getString(1), new Applied(rs.getString(2), rs.getBoolean(3)));
                    return null;
                }).list();
        return applied;
    }

    /** Which of these provider ids a message of ours has, whatever its state. */
    Set<String> known(String gateway, String[] providerMessageIds) {
        return new HashSet<>(jdbc.sql(KNOWN_PROVIDER_IDS).param("gateway", gateway)
                .param("providerMessageIds", providerMessageIds).query(String.class).list());
    }

    boolean known(String gateway, String providerMessageId) {
        return jdbc.sql(KNOWN_PROVIDER_ID).param("gateway", gateway).param("providerMessageId", providerMessageId).query(Long.class).single() > 0;
    }

    boolean hasOpen(String id) {
        return Boolean.TRUE.equals(jdbc.sql(HAS_OPEN).param("id", id).query(Boolean.class).single());
    }

    Optional<String> lockSend(String id) {
        return jdbc.sql(LOCK_SEND).param("id", id).query(String.class).optional();
    }

    Totals totals(String id) {
        return jdbc.sql(SEND_TOTALS).param("id", id).query((rs, i) -> new Totals(rs.getLong("open"),
                rs.getLong("submitted"), rs.getLong("succeeded"), rs.getLong("billed"))).single();
    }

    boolean settle(String id, String state, Totals t) {
        return jdbc.sql(SETTLE_SEND).param("id", id).param("state", state).param("submitted", (int) t.submitted())
                .param("succeeded", (int) t.succeeded()).param("billed", t.billed()).update() == 1;
    }

    List<String> unsettledDone() {
        return jdbc.sql(UNSETTLED_DONE).query(String.class).list();
    }

    /** The send's state alone (one primary-key read, no counting): what a client waiting for the end polls. */
    Optional<String> state(String id) {
        return jdbc.sql("select state from sms_sends where id = :id").param("id", id).query(String.class).optional();
    }

    /** The send and its message counts by state, from one snapshot. */
    Optional<SmsSendStatus> send(String id) {
        return jdbc.sql(SEND_BY_ID).param("id", id).query((rs, i) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String s : List.of("queued", "held", "sent", "delivered", "failed", "rejected", "cancelled")) {
                counts.put(s, rs.getLong(s.equals("held") ? "held_now" : s));
            }
            return new SmsSendStatus(rs.getString("id"),
                    rs.getString("traffic"), rs.getString("profile"), rs.getBoolean("test"), rs.getString("state"),
                    rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("recipients"), rs.getInt("eligible"),
                    rs.getInt("held"), rs.getInt("excluded"), rs.getLong("credits"), counts,
                    (Integer) rs.getObject("submitted"), (Integer) rs.getObject("succeeded"), (Long) rs.getObject("billed"),
                    instant(rs, "settled_at"), rs.getString("note"));
        }).optional();
    }

    List<SmsMessageLog> log(String sendId, Long contactId) {
        List<SmsMessageLog> rows = jdbc.sql(LOG).param("sendId", sendId).param("contactId", contactId)
                .query((rs, i) -> new SmsMessageLog(rs.getLong("id"), rs.getString("send_id"),
                        (Long) rs.getObject("contact_id"), rs.getString("to_e164"), rs.getString("country"),
                        rs.getString("text"), rs.getString("encoding"), rs.getInt("segments"),
                        rs.getLong("price_micros"), rs.getString("currency"), rs.getLong("provider_id"),
                        rs.getString("provider_message_id"), rs.getString("state"), rs.getString("error"),
                        instant(rs, "not_before"), instant(rs, "created_at"), instant(rs, "sent_at"),
                        instant(rs, "final_at"), new ArrayList<>())).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<SmsMessageLog.Event>> events = new HashMap<>();
        jdbc.sql(EVENTS).param("ids", rows.stream().map(SmsMessageLog::id).toArray(Long[]::new))
                .query((rs, i) -> events.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                        .add(new SmsMessageLog.Event(rs.getString("state"), rs.getString("detail"), instant(rs, "at"))))
                .list();
        rows.forEach(r -> r.events().addAll(events.getOrDefault(r.id(), List.of())));
        return rows;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
