package io.tidings.credits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** All SQL of the credits module. Every write runs under the account's wallet lock (LOCK_WALLET). */
@Repository
class CreditsStore {

    private static final String ENSURE_WALLET = """
            insert into credit_wallets (account, created_at) values (:account, :now)
            on conflict (account) do nothing
            """;
    // The one lock that serialises an account's movements on every node; taken first, always alone.
    private static final String LOCK_WALLET = "select account from credit_wallets where account = :account for update";

    private static final String LOT_COLUMNS = """
            id, reference, messages, remaining, tier, unit_price_tenth_fen, price_fen, currency, purchased_at, expires_at
            """;
    private static final String INSERT_LOT = """
            insert into credit_lots (account, reference, messages, remaining, tier, unit_price_tenth_fen,
                                     price_fen, currency, purchased_at, expires_at)
            values (:account, :reference, :messages, :messages, :tier, :unitPrice, :priceFen, :currency,
                    :purchasedAt, :expiresAt)
            on conflict (account, reference) do nothing
            returning
            """ + LOT_COLUMNS;
    private static final String LOTS = "select " + LOT_COLUMNS + " from credit_lots where account = :account order by expires_at, id";

    private static final String INSERT_LEDGER = """
            insert into credit_ledger (account, kind, lot_id, send_id, available, reserved, frozen, at)
            values (:account, :kind, :lotId, :sendId, :available, :reserved, :frozen, :at)
            """;
    private static final String LEDGER_PAGE = """
            select id, kind, lot_id, send_id, available, reserved, frozen, at from credit_ledger
            where account = :account and id < :before
            order by id desc
            limit :limit
            """;

    private static final String AVAILABLE = """
            select coalesce(sum(remaining), 0) from credit_lots
            where account = :account and remaining > 0 and expires_at > :now
            """;
    private static final String BALANCE = """
            select
              (select coalesce(sum(remaining), 0) from credit_lots
                where account = :account and remaining > 0 and expires_at > :now) as available,
              coalesce(sum(p.held) filter (where r.state = 'reserved'), 0) as reserved,
              coalesce(sum(p.held) filter (where r.state = 'frozen'), 0) as frozen
            from credit_reservations r join credit_reservation_lots p on p.send_id = r.send_id
            where r.account = :account and r.state in ('reserved', 'frozen')
            """;

    private static final String INSERT_RESERVATION = """
            insert into credit_reservations (send_id, account, messages, state, reserved_at)
            values (:sendId, :account, :messages, 'reserved', :now)
            on conflict (send_id) do nothing
            """;
    // Oldest lots first in one statement: a running total says how much each lot gives, then the
    // lots, the reservation's parts and the ledger change together. Callers check availability first.
    private static final String TAKE_OLDEST_FIRST = """
            with fifo as (
                select id, remaining, (sum(remaining) over (order by expires_at, id))::bigint - remaining as before
                from credit_lots
                where account = :account and remaining > 0 and expires_at > :now
            ), take as (
                select id, least(remaining, :messages - before) as n from fifo where before < :messages
            ), taken as (
                update credit_lots l set remaining = l.remaining - t.n from take t where l.id = t.id
                returning l.id, t.n
            ), parts as (
                insert into credit_reservation_lots (send_id, lot_id, taken, held)
                select :sendId, id, n, n from taken
                returning lot_id, taken
            )
            insert into credit_ledger (account, kind, lot_id, send_id, available, reserved, frozen, at)
            select :account, 'reserve', lot_id, :sendId, -taken, taken, 0, :now from parts
            returning reserved
            """;
    private static final String FIND_RESERVATION = """
            select r.send_id, r.account, r.messages, r.state, r.reserved_at, r.settled_at, r.frozen_until, r.returned_at,
                   (select coalesce(sum(p.charged), 0) from credit_reservation_lots p where p.send_id = r.send_id) as charged
            from credit_reservations r where r.send_id = :sendId
            """;
    // In the order the lots were consumed, so a charge uses the oldest credits and the rest go back
    // to the lots that last longest.
    private static final String HELD_PARTS = """
            select p.lot_id, p.held from credit_reservation_lots p join credit_lots l on l.id = p.lot_id
            where p.send_id = :sendId and p.held > 0
            order by l.expires_at, l.id
            """;
    private static final String CHARGE_PART = """
            update credit_reservation_lots set held = held - :messages, charged = charged + :messages
            where send_id = :sendId and lot_id = :lotId
            """;
    private static final String RETURN_PART = """
            update credit_reservation_lots set held = held - :messages where send_id = :sendId and lot_id = :lotId
            """;
    private static final String RETURN_TO_LOT = "update credit_lots set remaining = remaining + :messages where id = :lotId";
    private static final String SETTLE_RESERVATION = """
            update credit_reservations
            set state = :state, submitted = :submitted, succeeded = :succeeded, billed = :billed,
                settled_at = :now, frozen_until = :frozenUntil
            where send_id = :sendId and state = 'reserved'
            """;
    private static final String CLOSE_RESERVATION = """
            update credit_reservations set state = :state, returned_at = :now where send_id = :sendId
            """;

    private static final String ACCOUNTS_WITH_EXPIRED_LOTS = """
            select distinct account from credit_lots where remaining > 0 and expires_at <= :now order by account
            """;
    private static final String EXPIRE_LOTS = """
            with expiring as (
                select id, remaining from credit_lots
                where account = :account and remaining > 0 and expires_at <= :now
            ), cleared as (
                update credit_lots l set remaining = 0 from expiring e where l.id = e.id
                returning l.id, e.remaining
            )
            insert into credit_ledger (account, kind, lot_id, available, reserved, frozen, at)
            select :account, 'expire', id, -remaining, 0, 0, :now from cleared
            returning -available
            """;
    private static final String ACCOUNTS_WITH_DUE_FROZEN = """
            select distinct account from credit_reservations
            where state = 'frozen' and frozen_until <= :now order by account
            """;
    private static final String DUE_FROZEN = """
            select send_id from credit_reservations
            where account = :account and state = 'frozen' and frozen_until <= :now
            order by frozen_until, send_id
            """;

    // Per lot, the ledger's available changes must add up to what the lot holds; per account, its
    // reserved and frozen changes to what open reservations hold.
    private static final String LEDGER_MATCHES_STATE = """
            with ledger as (
                select coalesce(sum(reserved), 0) as reserved, coalesce(sum(frozen), 0) as frozen
                from credit_ledger where account = :account
            ), held as (
                select coalesce(sum(p.held) filter (where r.state = 'reserved'), 0) as reserved,
                       coalesce(sum(p.held) filter (where r.state = 'frozen'), 0) as frozen
                from credit_reservations r join credit_reservation_lots p on p.send_id = r.send_id
                where r.account = :account
            )
            select ledger.reserved = held.reserved and ledger.frozen = held.frozen and not exists (
                select 1 from credit_lots l
                left join (select lot_id, sum(available) as total from credit_ledger
                           where account = :account group by lot_id) g on g.lot_id = l.id
                where l.account = :account and coalesce(g.total, 0) <> l.remaining
            )
            from ledger, held
            """;

    private final JdbcClient jdbc;

    CreditsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record HeldPart(long lotId, long held) {
    }

    void ensureWallet(String account, Instant now) {
        jdbc.sql(ENSURE_WALLET).param("account", account).param("now", at(now)).update();
    }

    boolean lockWallet(String account) {
        return jdbc.sql(LOCK_WALLET).param("account", account).query(String.class).optional().isPresent();
    }

    Optional<Lot> insertLot(String account, String reference, Quote quote, Instant purchasedAt, Instant expiresAt) {
        return jdbc.sql(INSERT_LOT)
                .param("account", account).param("reference", reference).param("messages", quote.messages())
                .param("tier", quote.tier().key()).param("unitPrice", quote.unitPriceTenthFen())
                .param("priceFen", quote.totalFen()).param("currency", quote.currency())
                .param("purchasedAt", at(purchasedAt)).param("expiresAt", at(expiresAt))
                .query((rs, n) -> lot(rs)).optional();
    }

    List<Lot> lots(String account) {
        return jdbc.sql(LOTS).param("account", account).query((rs, n) -> lot(rs)).list();
    }

    void record(String account, LedgerKind kind, long lotId, String sendId, long messages, Instant now) {
        jdbc.sql(INSERT_LEDGER)
                .param("account", account).param("kind", kind.key()).param("lotId", lotId).param("sendId", sendId)
                .param("available", kind.available * messages).param("reserved", kind.reserved * messages)
                .param("frozen", kind.frozen * messages).param("at", at(now))
                .update();
    }

    List<LedgerEntry> ledger(String account, long before, int limit) {
        return jdbc.sql(LEDGER_PAGE).param("account", account).param("before", before).param("limit", limit)
                .query((rs, n) -> new LedgerEntry(rs.getLong("id"), LedgerKind.parse(rs.getString("kind")),
                        rs.getLong("lot_id"), rs.getString("send_id"), rs.getLong("available"),
                        rs.getLong("reserved"), rs.getLong("frozen"), instant(rs, "at")))
                .list();
    }

    long available(String account, Instant now) {
        return jdbc.sql(AVAILABLE).param("account", account).param("now", at(now)).query(Long.class).single();
    }

    Balance balance(String account, Instant now) {
        return jdbc.sql(BALANCE).param("account", account).param("now", at(now))
                .query((rs, n) -> new Balance(account, rs.getLong("available"), rs.getLong("reserved"), rs.getLong("frozen")))
                .single();
    }

    boolean insertReservation(String sendId, String account, long messages, Instant now) {
        return jdbc.sql(INSERT_RESERVATION).param("sendId", sendId).param("account", account)
                .param("messages", messages).param("now", at(now)).update() == 1;
    }

    long takeOldestFirst(String account, String sendId, long messages, Instant now) {
        return jdbc.sql(TAKE_OLDEST_FIRST).param("account", account).param("sendId", sendId)
                .param("messages", messages).param("now", at(now))
                .query(Long.class).list().stream().mapToLong(Long::longValue).sum();
    }

    Optional<Reservation> reservation(String sendId) {
        return jdbc.sql(FIND_RESERVATION).param("sendId", sendId)
                .query((rs, n) -> new Reservation(rs.getString("send_id"), rs.getString("account"),
                        rs.getLong("messages"), ReservationState.parse(rs.getString("state")), rs.getLong("charged"),
                        instant(rs, "reserved_at"), instant(rs, "settled_at"), instant(rs, "frozen_until"),
                        instant(rs, "returned_at")))
                .optional();
    }

    List<HeldPart> heldParts(String sendId) {
        return jdbc.sql(HELD_PARTS).param("sendId", sendId)
                .query((rs, n) -> new HeldPart(rs.getLong("lot_id"), rs.getLong("held"))).list();
    }

    void chargePart(String sendId, long lotId, long messages) {
        jdbc.sql(CHARGE_PART).param("sendId", sendId).param("lotId", lotId).param("messages", messages).update();
    }

    void returnPart(String sendId, long lotId, long messages) {
        jdbc.sql(RETURN_PART).param("sendId", sendId).param("lotId", lotId).param("messages", messages).update();
        jdbc.sql(RETURN_TO_LOT).param("lotId", lotId).param("messages", messages).update();
    }

    void settleReservation(String sendId, ReservationState state, long submitted, long succeeded, long billed,
                           Instant now, Instant frozenUntil) {
        jdbc.sql(SETTLE_RESERVATION).param("sendId", sendId).param("state", state.key())
                .param("submitted", submitted).param("succeeded", succeeded).param("billed", billed)
                .param("now", at(now)).param("frozenUntil", at(frozenUntil))
                .update();
    }

    void closeReservation(String sendId, ReservationState state, Instant now) {
        jdbc.sql(CLOSE_RESERVATION).param("sendId", sendId).param("state", state.key()).param("now", at(now)).update();
    }

    List<String> accountsWithExpiredLots(Instant now) {
        return jdbc.sql(ACCOUNTS_WITH_EXPIRED_LOTS).param("now", at(now)).query(String.class).list();
    }

    long expireLots(String account, Instant now) {
        return jdbc.sql(EXPIRE_LOTS).param("account", account).param("now", at(now))
                .query(Long.class).list().stream().mapToLong(Long::longValue).sum();
    }

    List<String> accountsWithDueFrozen(Instant now) {
        return jdbc.sql(ACCOUNTS_WITH_DUE_FROZEN).param("now", at(now)).query(String.class).list();
    }

    List<String> dueFrozen(String account, Instant now) {
        return jdbc.sql(DUE_FROZEN).param("account", account).param("now", at(now)).query(String.class).list();
    }

    boolean ledgerMatchesState(String account) {
        return jdbc.sql(LEDGER_MATCHES_STATE).param("account", account).query(Boolean.class).single();
    }

    private static Lot lot(ResultSet rs) throws SQLException {
        return new Lot(rs.getLong("id"), rs.getString("reference"), rs.getLong("messages"), rs.getLong("remaining"),
                PriceTier.parse(rs.getString("tier")), rs.getInt("unit_price_tenth_fen"), rs.getLong("price_fen"),
                rs.getString("currency"), instant(rs, "purchased_at"), instant(rs, "expires_at"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
