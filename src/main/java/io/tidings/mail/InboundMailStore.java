package io.tidings.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** All SQL of stored inbound mail. */
@Repository
class InboundMailStore {

    /** A stored mail as routing needs it. */
    record Raw(long id, String envelopeFrom, List<String> envelopeTo, byte[] raw) {
    }

    private static final String COLUMNS = """
            id, received_at, source, mailbox_id, remote_address, envelope_from, envelope_to, size, message_id,
            from_address, subject, html_sanitized, route, route_detail, error, record_model, record_id,
            thread_message_id, routed_at
            """;
    private static final String INSERT = """
            insert into mail_inbound (source, mailbox_id, remote_address, helo, envelope_from, envelope_to, raw, size, message_id)
            values (:source, :mailboxId, :remoteAddress, :helo, :envelopeFrom, :envelopeTo, :raw, :size, :messageId)
            returning id
            """;
    // Mail already routed (the MX routes before it stores, in one transaction): written once. The id is given only
    // when routing had to know it beforehand (a thread body cut short names it), see reserveId. With :unlessCopy
    // nothing is written when a copy with the same Message-ID was already routed (InboundDuplicates' question, asked
    // here so that it costs no round trip of its own: the caller then rolls back and routes again, duplicates first).
    private static final String INSERT_ROUTED = """
            insert into mail_inbound (id, source, mailbox_id, remote_address, helo, envelope_from, envelope_to, raw, size,
                                      message_id, from_address, subject, html_sanitized, route, route_detail, error,
                                      record_model, record_id, thread_message_id, routed_at)
            overriding system value
            select coalesce(:id, nextval(pg_get_serial_sequence('mail_inbound', 'id'))), :source, :mailboxId,
                   :remoteAddress, :helo, :envelopeFrom, :envelopeTo, :raw, :size,
                   :messageId, :fromAddress, :subject, :html, :route, :detail, :error,
                   :recordModel, :recordId, :threadMessageId, now()
            where not (:unlessCopy and exists (
                select 1 from mail_inbound
                where message_id = :messageId and route in ('reply', 'auto_reply', 'alias', 'bounce')))
            returning id
            """;
    private static final String RESERVE_ID = "select nextval(pg_get_serial_sequence('mail_inbound', 'id'))";
    // Locks the row for its routing transaction; a mail already routed, or being routed elsewhere, is skipped.
    private static final String CLAIM = """
            select id, envelope_from, envelope_to, raw from mail_inbound
            where id = :id and route = 'pending' for update skip locked
            """;
    // Mail whose routing never finished (the node died between storing and routing), oldest first.
    private static final String NEXT_PENDING = """
            select id, envelope_from, envelope_to, raw from mail_inbound
            where route = 'pending' and received_at < now() - interval '1 minute'
            order by id limit 1 for update skip locked
            """;
    private static final String ROUTED = """
            update mail_inbound set message_id = coalesce(:messageId, message_id), from_address = :fromAddress, subject = :subject,
                   html_sanitized = :html, route = :route, route_detail = :detail, error = :error,
                   record_model = :recordModel, record_id = :recordId, thread_message_id = :threadMessageId,
                   routed_at = now()
            where id = :id
            """;
    private static final String RECENT = "select " + COLUMNS + " from mail_inbound where id < :before order by id desc limit :limit";
    private static final String CATCHALL = "select " + COLUMNS
            + " from mail_inbound where route = 'catchall' and id < :before order by id desc limit :limit";
    private static final String FIND = "select " + COLUMNS + " from mail_inbound where id = :id";
    private static final String RAW = "select raw from mail_inbound where id = :id";
    private static final String SEEN_IN_MAILBOX = """
            select exists (select 1 from mail_inbound where mailbox_id = :mailboxId and message_id = :messageId)
            """;

    private final JdbcClient jdbc;

    InboundMailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param messageId known before parsing (IMAP), else null: routing fills it in */
    long insert(String source, Long mailboxId, String remoteAddress, String helo, String envelopeFrom,
                List<String> envelopeTo, byte[] raw, String messageId) {
        return jdbc.sql(INSERT).param("source", source).param("mailboxId", mailboxId)
                .param("remoteAddress", remoteAddress).param("helo", helo)
                .param("envelopeFrom", envelopeFrom)
                .param("envelopeTo", envelopeTo.toArray(String[]::new)).param("raw", raw).param("size", raw.length)
                .param("messageId", messageId).query(Long.class).single();
    }

    /**
     * Stores a mail together with what routing did with it, in one statement.
     *
     * @param id from {@link #reserveId()}, or null for the next one
     * @param m  the parsed mail, or null when it could not be parsed
     */
    long insertRouted(Long id, String source, Long mailboxId, String remoteAddress, String helo, String envelopeFrom,
                      List<String> envelopeTo, byte[] raw, InboundMessage m, InboundRouting r) {
        return insertRouted(id, source, mailboxId, remoteAddress, helo, envelopeFrom, envelopeTo, raw, m, r, false)
                .orElseThrow();
    }

    /**
     * As {@link #insertRouted(Long, String, Long, String, String, String, List, byte[], InboundMessage, InboundRouting)},
     * but with {@code unlessCopy} nothing is written (empty) when a copy with the mail's Message-ID was already routed.
     */
    Optional<Long> insertRouted(Long id, String source, Long mailboxId, String remoteAddress, String helo,
                                String envelopeFrom, List<String> envelopeTo, byte[] raw, InboundMessage m,
                                InboundRouting r, boolean unlessCopy) {
        return jdbc.sql(INSERT_ROUTED).param("id", id).param("unlessCopy", unlessCopy).param("source", source)
                .param("mailboxId", mailboxId)
                .param("remoteAddress", remoteAddress).param("helo", helo).param("envelopeFrom", envelopeFrom)
                .param("envelopeTo", envelopeTo.toArray(String[]::new)).param("raw", raw).param("size", raw.length)
                .param("messageId", m == null ? null : m.messageId())
                .param("fromAddress", m == null ? null : m.fromAddress()).param("subject", m == null ? null : m.subject())
                .param("html", m == null ? null : m.htmlSanitized()).param("route", r.route())
                .param("detail", clip(r.detail())).param("error", clip(r.error()))
                .param("recordModel", r.record() == null ? null : r.record().model().key())
                .param("recordId", r.record() == null ? null : r.record().id())
                .param("threadMessageId", r.threadMessageId()).query(Long.class).optional();
    }

    /** An id for {@link #insertRouted} when routing must name the mail before it is stored. */
    long reserveId() {
        return jdbc.sql(RESERVE_ID).query(Long.class).single();
    }

    Optional<Raw> claim(long id) {
        return jdbc.sql(CLAIM).param("id", id).query(InboundMailStore::raw).optional();
    }

    Optional<Raw> nextPending() {
        return jdbc.sql(NEXT_PENDING).query(InboundMailStore::raw).optional();
    }

    void routed(long id, InboundMessage m, InboundRouting r) {
        jdbc.sql(ROUTED).param("id", id).param("messageId", m == null ? null : m.messageId())
                .param("fromAddress", m == null ? null : m.fromAddress()).param("subject", m == null ? null : m.subject())
                .param("html", m == null ? null : m.htmlSanitized()).param("route", r.route())
                .param("detail", clip(r.detail())).param("error", clip(r.error()))
                .param("recordModel", r.record() == null ? null : r.record().model().key())
                .param("recordId", r.record() == null ? null : r.record().id())
                .param("threadMessageId", r.threadMessageId()).update();
    }

    java.util.Map<String, Long> countsByRoute() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select route, count(*) as n from mail_inbound group by route")
                .query((rs, i) -> counts.put(rs.getString("route"), rs.getLong("n"))).list();
        return counts;
    }

    List<InboundMail> recent(long before, int limit) {
        return jdbc.sql(RECENT).param("before", before).param("limit", limit).query(InboundMailStore::mail).list();
    }

    List<InboundMail> catchall(long before, int limit) {
        return jdbc.sql(CATCHALL).param("before", before).param("limit", limit).query(InboundMailStore::mail).list();
    }

    Optional<InboundMail> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(InboundMailStore::mail).optional();
    }

    Optional<byte[]> raw(long id) {
        return jdbc.sql(RAW).param("id", id).query(byte[].class).optional();
    }

    boolean seenInMailbox(long mailboxId, String messageId) {
        return jdbc.sql(SEEN_IN_MAILBOX).param("mailboxId", mailboxId).param("messageId", messageId)
                .query(Boolean.class).single();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private static Raw raw(ResultSet rs, int row) throws SQLException {
        return new Raw(rs.getLong("id"), rs.getString("envelope_from"), strings(rs.getArray("envelope_to")), rs.getBytes("raw"));
    }

    private static InboundMail mail(ResultSet rs, int row) throws SQLException {
        return new InboundMail(rs.getLong("id"), instant(rs.getTimestamp("received_at")), rs.getString("source"),
                (Long) rs.getObject("mailbox_id"), rs.getString("remote_address"), rs.getString("envelope_from"),
                strings(rs.getArray("envelope_to")), rs.getInt("size"), rs.getString("message_id"),
                rs.getString("from_address"), rs.getString("subject"), rs.getString("html_sanitized"),
                rs.getString("route"), rs.getString("route_detail"), rs.getString("error"), rs.getString("record_model"),
                (Long) rs.getObject("record_id"), (Long) rs.getObject("thread_message_id"), instant(rs.getTimestamp("routed_at")));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
