package io.tidings.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
class DispatchStore {

    // The history row is written by the same statement as the change it records, so the two cannot
    // disagree. The outer select sees the snapshot from before the insert: exactly one row comes back,
    // the new id or the existing one (none only when a racing insert commits meanwhile; see enqueue).
    private static final String ENQUEUE = """
            with inserted as (
                insert into dispatch_messages (channel, provider, recipient, payload, traffic, max_attempts,
                                               next_attempt_at, idempotency_key)
                values (:channel, :provider, :recipient, :payload::jsonb, :traffic, :maxAttempts,
                        coalesce(:notBefore::timestamptz, now()), :key)
                on conflict (idempotency_key) do nothing
                returning id
            ), history as (
                insert into dispatch_events (message_id, state) select id, 'queued' from inserted
            )
            select id from inserted
            union all
            select id from dispatch_messages where idempotency_key = :key
            """;
    private static final String ENQUEUE_ALL = """
            with input as (
                select * from unnest(:channels::text[], :providers::text[], :recipients::text[], :payloads::text[],
                                     :traffic::text[], :maxAttempts::int[], :notBefore::timestamptz[], :keys::text[])
                         with ordinality as t(channel, provider, recipient, payload, traffic, max_attempts,
                                              not_before, idempotency_key, ord)
            ), inserted as (
                insert into dispatch_messages (channel, provider, recipient, payload, traffic, max_attempts,
                                               next_attempt_at, idempotency_key)
                select channel, provider, recipient, payload::jsonb, traffic, max_attempts,
                       coalesce(not_before, now()), idempotency_key
                from input order by ord
                on conflict (idempotency_key) do nothing
                returning id, idempotency_key
            ), history as (
                insert into dispatch_events (message_id, state) select id, 'queued' from inserted
            )
            -- coalesce evaluates the lookup only for a key that was not inserted (already queued before)
            select coalesce(n.id, (select m.id from dispatch_messages m where m.idempotency_key = i.idempotency_key)) as id
            from input i
            left join inserted n on n.idempotency_key = i.idempotency_key
            order by i.ord
            """;
    // One notification per channel: PostgreSQL folds equal ones of a transaction into one anyway.
    private static final String NOTIFY_QUEUED = """
            select pg_notify(:topic::text, c) from (select distinct unnest(:channels::text[]) as c) t
            """;
    private static final String ID_BY_KEY = "select id from dispatch_messages where idempotency_key = :key";

    // next_attempt_at moves to the lease's end, so an abandoned row comes back into the same index
    // range as queued work once the lease runs out. SKIP LOCKED lets workers on many nodes claim
    // side by side without waiting on each other's rows.
    private static final String CLAIM = """
            with claimed as (
                update dispatch_messages m
                set state = 'sending', lease_owner = :node,
                    lease_expires_at = now() + make_interval(secs => :leaseSeconds),
                    next_attempt_at = now() + make_interval(secs => :leaseSeconds),
                    attempts = m.attempts + 1, updated_at = now()
                where m.id in (
                    select id from dispatch_messages
                    where channel = :channel and state in ('queued', 'sending') and next_attempt_at <= now()
                      and (state = 'queued' or (lease_expires_at < now() and attempts < max_attempts))
                    order by next_attempt_at
                    limit :limit
                    for update skip locked)
                returning m.id, m.channel, m.provider, m.recipient, m.payload::text as payload, m.traffic,
                          m.idempotency_key, m.attempts, m.max_attempts
            ), history as (
                insert into dispatch_events (message_id, state, detail)
                select id, 'sending', 'attempt ' || attempts || ' by ' || :node::text from claimed
            )
            select * from claimed order by id
            """;
    // A worker that died on a message's last attempt may or may not have sent it; trying again would
    // exceed max_attempts, so the message fails and says why.
    private static final String FAIL_EXHAUSTED_LEASES = """
            with expired as (
                update dispatch_messages
                set state = 'failed', last_error = 'the lease of the last attempt ran out (worker lost)',
                    lease_owner = null, lease_expires_at = null, updated_at = now()
                where channel = :channel and state = 'sending' and lease_expires_at < now()
                  and attempts >= max_attempts
                returning id, last_error
            )
            insert into dispatch_events (message_id, state, detail) select id, 'failed', last_error from expired
            """;

    // Write-backs are fenced by (lease_owner, attempts): a worker whose lease was taken over, even by
    // another loop of its own node, matches no row and its late result is dropped. A channel may record
    // "sent" itself while its batch is still out (DispatchApi.markSent); the worker's write-back of the
    // same attempt and provider id then counts as done without writing again. The select of "already"
    // sees the snapshot before the update, so no row counts twice.
    private static final String MARK_SENT = """
            with input as (
                select * from unnest(:ids::bigint[], :attempts::int[], :providerIds::text[]) as r(id, attempt, provider_id)
            ), done as (
                update dispatch_messages m
                set state = 'sent', provider_message_id = r.provider_id, sent_at = now(), last_error = null,
                    lease_owner = null, lease_expires_at = null, updated_at = now()
                from input r
                where m.id = r.id and m.attempts = r.attempt and m.lease_owner = :node and m.state = 'sending'
                returning m.id, m.provider_message_id
            ), history as (
                insert into dispatch_events (message_id, state, detail) select id, 'sent', provider_message_id from done
            ), already as (
                select m.id from dispatch_messages m join input r on m.id = r.id
                where m.attempts = r.attempt and m.provider_message_id = r.provider_id
                  and m.state in ('sent', 'delivered', 'failed')
            )
            select (select count(*) from done) + (select count(*) from already)
            """;
    private static final String RETRY_LATER = """
            with again as (
                update dispatch_messages m
                set state = 'queued', next_attempt_at = now() + make_interval(secs => r.delay), last_error = r.reason,
                    lease_owner = null, lease_expires_at = null, updated_at = now()
                from unnest(:ids::bigint[], :attempts::int[], :delays::float8[], :reasons::text[])
                     as r(id, attempt, delay, reason)
                where m.id = r.id and m.attempts = r.attempt and m.lease_owner = :node and m.state = 'sending'
                returning m.id, m.attempts, r.delay, r.reason
            )
            insert into dispatch_events (message_id, state, detail)
            select id, 'queued', 'attempt ' || attempts || ' failed: ' || reason
                                 || '; next try in ' || round(delay::numeric, 3) || ' s'
            from again
            """;
    private static final String MARK_FAILED = """
            with failed as (
                update dispatch_messages m
                set state = 'failed', last_error = r.reason, lease_owner = null, lease_expires_at = null,
                    updated_at = now()
                from unnest(:ids::bigint[], :attempts::int[], :reasons::text[]) as r(id, attempt, reason)
                where m.id = r.id and m.attempts = r.attempt and m.lease_owner = :node and m.state = 'sending'
                returning m.id, r.reason
            )
            insert into dispatch_events (message_id, state, detail) select id, 'failed', reason from failed
            """;

    private static final String CANCEL = """
            with cancelled as (
                update dispatch_messages set state = 'cancelled', updated_at = now()
                where id = :id and state = 'queued'
                returning id
            )
            insert into dispatch_events (message_id, state) select id, 'cancelled' from cancelled
            """;
    // Only a sent message takes a delivery report; a repeated report finds nothing to change.
    // Provider ids are unique per provider, so two matches in one channel would be two providers' ids colliding.
    private static final String REPORT = """
            with reported as (
                update dispatch_messages
                set state = :state::text,
                    last_error = case when :state::text = 'failed' then :detail::text else last_error end,
                    updated_at = now()
                where channel = :channel and provider_message_id = :providerId and state = 'sent'
                returning id
            ), history as (
                insert into dispatch_events (message_id, state, detail) select id, :state::text, :detail::text from reported
            )
            select id from reported
            """;

    // A bounce comes after the message was handed over, so "delivered" (to the next server) may turn into failed too.
    private static final String BOUNCED = """
            with bounced as (
                update dispatch_messages set state = 'failed', last_error = :detail::text, updated_at = now()
                where id = :id and state in ('sent', 'delivered')
                returning id
            ), history as (
                insert into dispatch_events (message_id, state, detail) select id, 'failed', :detail::text from bounced
            )
            select count(*) from bounced
            """;

    // The same for many reports at once; a provider id given twice changes its message once. Each id is looked up
    // on its own ("offset 0" keeps the lateral subquery from being flattened into a join), since a queue that grew
    // fast has statistics that would make a join scan every sent row of the channel for each batch of reports.
    private static final String REPORT_ALL = """
            with reported as (
                update dispatch_messages d
                set state = r.state,
                    last_error = case when r.state = 'failed' then r.detail else d.last_error end,
                    updated_at = now()
                from (select u.provider_message_id, u.state, u.detail, x.id
                      from (select distinct on (provider_message_id) provider_message_id, state, detail
                            from unnest(:providerIds::text[], :states::text[], :details::text[])
                                 as t(provider_message_id, state, detail)) u
                      cross join lateral (select id from dispatch_messages
                                          where channel = :channel and provider_message_id = u.provider_message_id
                                            and state = 'sent'
                                          offset 0) x) r
                where d.id = r.id and d.state = 'sent'
                returning d.id, d.provider_message_id, r.state, r.detail
            ), history as (
                insert into dispatch_events (message_id, state, detail) select id, state, detail from reported
            )
            select provider_message_id from reported
            """;

    private static final String FIND = """
            select id, channel, provider, recipient, payload::text as payload, traffic, state, attempts, max_attempts,
                   next_attempt_at, lease_owner, idempotency_key, provider_message_id, last_error,
                   created_at, updated_at, sent_at
            from dispatch_messages where id = :id
            """;
    private static final String HISTORY = """
            select message_id, state, at, detail from dispatch_events where message_id = :id order by id
            """;
    private static final String COUNT_BY_STATE = "select state, count(*) as n from dispatch_messages group by state";
    private static final String COUNT_BY_STATE_OF_CHANNEL = """
            select state, count(*) as n from dispatch_messages where channel = :channel group by state
            """;

    private static final String SET_RATE = """
            insert into dispatch_rate_buckets (channel, rate, capacity, tokens)
            values (:channel, :rate, :capacity, :capacity)
            on conflict (channel) do update
            set rate = excluded.rate, capacity = excluded.capacity,
                tokens = least(dispatch_rate_buckets.tokens, excluded.capacity)
            """;
    private static final String REMOVE_RATE = "delete from dispatch_rate_buckets where channel = :channel";
    // Refill by elapsed time, then grant what is there, all under the row lock, so concurrent takers
    // on any node never hand out the same token. Granting nothing until a tenth of a second's worth
    // (or the whole wish) has built up keeps batches from shrinking to one message per round trip.
    private static final String TAKE_TOKENS = """
            with bucket as (
                select channel, rate, capacity, tokens, refreshed_at, clock_timestamp() as at
                from dispatch_rate_buckets where channel = :channel
                for update
            ), refilled as (
                select channel, rate, greatest(refreshed_at, at) as at,
                       least(capacity, tokens + rate * greatest(0, extract(epoch from at - refreshed_at))) as available
                from bucket
            ), granted as (
                select channel, rate, at, available,
                       case when floor(available) >= least(:want, greatest(1, floor(rate / 10)))
                            then least(:want, floor(available))::int else 0 end as granted
                from refilled
            )
            update dispatch_rate_buckets b
            set tokens = g.available - g.granted, refreshed_at = g.at
            from granted g
            where b.channel = g.channel
            returning g.granted, b.tokens, b.rate, least(:want, greatest(1, floor(b.rate / 10)))::int as wanted
            """;
    private static final String GIVE_BACK_TOKENS = """
            update dispatch_rate_buckets set tokens = least(capacity, tokens + :count) where channel = :channel
            """;

    private final JdbcClient jdbc;

    DispatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tells every node's listening workers (see {@link Wakeups}) on commit that these channels have new work. */
    private void notifyQueued(String[] channels) {
        jdbc.sql(NOTIFY_QUEUED).param("topic", Wakeups.TOPIC).param("channels", channels).query().listOfRows();
    }

    Optional<Long> enqueue(OutgoingMessage m, int maxAttempts) {
        List<Long> ids = jdbc.sql(ENQUEUE)
                .param("channel", m.channel()).param("provider", m.provider()).param("recipient", m.recipient())
                .param("payload", m.payload()).param("traffic", m.traffic().key()).param("maxAttempts", maxAttempts)
                .param("notBefore", m.notBefore() == null ? null : OffsetDateTime.ofInstant(m.notBefore(), ZoneOffset.UTC))
                .param("key", m.idempotencyKey())
                .query(Long.class).list();
        notifyQueued(new String[]{m.channel()});
        return ids.isEmpty() ? idByKey(m.idempotencyKey()) : Optional.of(ids.getFirst());
    }

    List<Long> enqueueAll(List<OutgoingMessage> messages, int defaultMaxAttempts) {
        int n = messages.size();
        String[] channels = new String[n], providers = new String[n], recipients = new String[n],
                payloads = new String[n], traffic = new String[n], notBefore = new String[n], keys = new String[n];
        int[] maxAttempts = new int[n];
        for (int i = 0; i < n; i++) {
            OutgoingMessage m = messages.get(i);
            channels[i] = m.channel();
            providers[i] = m.provider();
            recipients[i] = m.recipient();
            payloads[i] = m.payload();
            traffic[i] = m.traffic().key();
            maxAttempts[i] = m.maxAttempts() == 0 ? defaultMaxAttempts : m.maxAttempts();
            notBefore[i] = m.notBefore() == null ? null : m.notBefore().toString();
            keys[i] = m.idempotencyKey();
        }
        List<Long> ids = jdbc.sql(ENQUEUE_ALL)
                .param("channels", channels).param("providers", providers).param("recipients", recipients)
                .param("payloads", payloads).param("traffic", traffic).param("maxAttempts", maxAttempts)
                .param("notBefore", notBefore).param("keys", keys)
                .query((rs, i) -> (Long) rs.getObject("id", Long.class)).list();
        notifyQueued(channels);
        return ids;
    }

    Optional<Long> idByKey(String key) {
        return jdbc.sql(ID_BY_KEY).param("key", key).query(Long.class).optional();
    }

    List<QueuedMessage> claim(String channel, String node, Duration lease, int limit) {
        return jdbc.sql(CLAIM)
                .param("channel", channel).param("node", node).param("leaseSeconds", lease.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, i) -> new QueuedMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("provider"),
                        rs.getString("recipient"), rs.getString("payload"), Traffic.parse(rs.getString("traffic")),
                        rs.getString("idempotency_key"), rs.getInt("attempts"), rs.getInt("max_attempts")))
                .list();
    }

    int failExhaustedLeases(String channel) {
        return jdbc.sql(FAIL_EXHAUSTED_LEASES).param("channel", channel).update();
    }

    int markSent(String node, long[] ids, int[] attempts, String[] providerIds) {
        return jdbc.sql(MARK_SENT).param("node", node).param("ids", ids).param("attempts", attempts)
                .param("providerIds", providerIds).query(Long.class).single().intValue();
    }

    int retryLater(String node, long[] ids, int[] attempts, double[] delaySeconds, String[] reasons) {
        return jdbc.sql(RETRY_LATER).param("node", node).param("ids", ids).param("attempts", attempts)
                .param("delays", delaySeconds).param("reasons", reasons).update();
    }

    int markFailed(String node, long[] ids, int[] attempts, String[] reasons) {
        return jdbc.sql(MARK_FAILED).param("node", node).param("ids", ids).param("attempts", attempts)
                .param("reasons", reasons).update();
    }

    boolean cancel(long id) {
        return jdbc.sql(CANCEL).param("id", id).update() == 1;
    }

    Optional<Long> report(String channel, String providerId, MessageState state, String detail) {
        return jdbc.sql(REPORT).param("channel", channel).param("providerId", providerId)
                .param("state", state.key()).param("detail", detail)
                .query(Long.class).list().stream().findFirst();
    }

    boolean bounced(long id, String detail) {
        return jdbc.sql(BOUNCED).param("id", id).param("detail", detail).query(Long.class).single() > 0;
    }

    /** @return the provider ids that matched a sent message */
    List<String> reportAll(String channel, String[] providerIds, String[] states, String[] details) {
        return jdbc.sql(REPORT_ALL).param("channel", channel).param("providerIds", providerIds)
                .param("states", states).param("details", details).query(String.class).list();
    }

    Optional<DispatchedMessage> find(long id) {
        return jdbc.sql(FIND).param("id", id).query((rs, i) -> message(rs)).optional();
    }

    List<DispatchEvent> history(long id) {
        return jdbc.sql(HISTORY).param("id", id)
                .query((rs, i) -> new DispatchEvent(rs.getLong("message_id"), MessageState.parse(rs.getString("state")),
                        instant(rs, "at"), rs.getString("detail")))
                .list();
    }

    Map<MessageState, Long> counts(String channel) {
        var query = channel == null ? jdbc.sql(COUNT_BY_STATE) : jdbc.sql(COUNT_BY_STATE_OF_CHANNEL).param("channel", channel);
        Map<MessageState, Long> counts = new EnumMap<>(MessageState.class);
        for (MessageState s : MessageState.values()) {
            counts.put(s, 0L);
        }
        query.query((rs, i) -> Map.entry(MessageState.parse(rs.getString("state")), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    void setRate(String channel, double perSecond, int burst) {
        jdbc.sql(SET_RATE).param("channel", channel).param("rate", perSecond).param("capacity", (double) burst).update();
    }

    void removeRate(String channel) {
        jdbc.sql(REMOVE_RATE).param("channel", channel).update();
    }

    /** Tokens granted now; empty when the channel has no rate limit. */
    record Grant(int granted, int wanted, double tokensLeft, double rate) {
    }

    Optional<Grant> takeTokens(String channel, int want) {
        return jdbc.sql(TAKE_TOKENS).param("channel", channel).param("want", want)
                .query((rs, i) -> new Grant(rs.getInt("granted"), rs.getInt("wanted"), rs.getDouble("tokens"),
                        rs.getDouble("rate")))
                .optional();
    }

    void giveBackTokens(String channel, int count) {
        jdbc.sql(GIVE_BACK_TOKENS).param("channel", channel).param("count", (double) count).update();
    }

    private static DispatchedMessage message(ResultSet rs) throws SQLException {
        return new DispatchedMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("provider"),
                rs.getString("recipient"), rs.getString("payload"), Traffic.parse(rs.getString("traffic")),
                MessageState.parse(rs.getString("state")), rs.getInt("attempts"), rs.getInt("max_attempts"),
                instant(rs, "next_attempt_at"), rs.getString("lease_owner"), rs.getString("idempotency_key"),
                rs.getString("provider_message_id"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
