package io.tidings.tracking.links;

import io.tidings.tracking.LinkDomain;
import io.tidings.tracking.LinkStats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** All SQL of the tracking module. */
@Repository
class TrackingStore {

    private static final String DOMAINS = "select domain, added_by, added_at from tracking_domains order by domain";
    private static final String FIND_DOMAIN = "select domain, added_by, added_at from tracking_domains where domain = :domain";
    private static final String INSERT_DOMAIN = """
            insert into tracking_domains (domain, added_by, added_at) values (:domain, :addedBy, now())
            on conflict (domain) do nothing
            """;
    private static final String DELETE_DOMAIN = "delete from tracking_domains where domain = :domain";
    private static final String ANY_ALLOWED = "select exists (select 1 from tracking_domains where domain in (:candidates))";

    // Insert-or-find is two statements, not one with a union: under READ COMMITTED a row another
    // transaction commits during our insert is invisible to that same statement's select.
    private static final String INSERT_LINK = """
            insert into tracking_links (send_id, target, created_at) values (:sendId, :target, now())
            on conflict (send_id, target) do nothing
            returning id
            """;
    private static final String FIND_LINK = "select id from tracking_links where send_id = :sendId and target = :target";
    // No conflict target: a clash on the random code (astronomically rare) and an existing code for
    // this recipient both insert nothing; the caller tells them apart with FIND_CODE.
    private static final String INSERT_CODE = """
            insert into tracking_codes (code, link_id, recipient_key, created_at) values (:code, :linkId, :recipientKey, now())
            on conflict do nothing
            returning code
            """;
    private static final String FIND_CODE = "select code from tracking_codes where link_id = :linkId and recipient_key = :recipientKey";

    // Resolving and recording a click in one round trip: the redirect waits on nothing else.
    private static final String FOLLOW = """
            with hit as (
                select c.code, c.link_id, c.recipient_key, l.target
                from tracking_codes c join tracking_links l on l.id = c.link_id
                where c.code = :code
            ), clicked as (
                insert into tracking_clicks (code, link_id, recipient_key, clicked_at, user_agent_hash)
                select code, link_id, recipient_key, now(), :userAgentHash from hit
            )
            select target from hit
            """;
    private static final String TARGET = """
            select l.target from tracking_codes c join tracking_links l on l.id = c.link_id where c.code = :code
            """;

    private static final String LINK_STATS = """
            select l.id, l.target,
                   (select count(*) from tracking_codes c where c.link_id = l.id) as recipients,
                   count(k.id) as clicks, count(distinct k.recipient_key) as clickers,
                   min(k.clicked_at) as first_click, max(k.clicked_at) as last_click
            from tracking_links l left join tracking_clicks k on k.link_id = l.id
            where l.send_id = :sendId
            group by l.id
            order by l.id
            """;
    private static final String SEND_CLICKERS = """
            select count(distinct k.recipient_key) from tracking_clicks k join tracking_links l on l.id = k.link_id
            where l.send_id = :sendId
            """;
    private static final String CLICKS_BY = """
            select count(*) from tracking_clicks k join tracking_links l on l.id = k.link_id
            where l.send_id = :sendId and k.recipient_key = :recipientKey
            """;

    private final JdbcClient jdbc;

    TrackingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LinkDomain> domains() {
        return jdbc.sql(DOMAINS).query((rs, n) -> domain(rs)).list();
    }

    /** The stored row, whether this call added it or it was there already. */
    LinkDomain addDomain(String domain, String addedBy) {
        jdbc.sql(INSERT_DOMAIN).param("domain", domain).param("addedBy", addedBy).update();
        return jdbc.sql(FIND_DOMAIN).param("domain", domain).query((rs, n) -> domain(rs)).single();
    }

    boolean deleteDomain(String domain) {
        return jdbc.sql(DELETE_DOMAIN).param("domain", domain).update() > 0;
    }

    boolean anyAllowed(List<String> candidates) {
        return !candidates.isEmpty()
                && jdbc.sql(ANY_ALLOWED).param("candidates", candidates).query(Boolean.class).single();
    }

    Optional<Long> insertLink(String sendId, String target) {
        return jdbc.sql(INSERT_LINK).param("sendId", sendId).param("target", target).query(Long.class).optional();
    }

    Optional<Long> findLink(String sendId, String target) {
        return jdbc.sql(FIND_LINK).param("sendId", sendId).param("target", target).query(Long.class).optional();
    }

    Optional<String> insertCode(String code, long linkId, String recipientKey) {
        return jdbc.sql(INSERT_CODE).param("code", code).param("linkId", linkId).param("recipientKey", recipientKey)
                .query(String.class).optional();
    }

    Optional<String> findCode(long linkId, String recipientKey) {
        return jdbc.sql(FIND_CODE).param("linkId", linkId).param("recipientKey", recipientKey)
                .query(String.class).optional();
    }

    /** The code's stored target, having recorded the click; empty for an unknown code (nothing recorded). */
    Optional<String> follow(String code, String userAgentHash) {
        return jdbc.sql(FOLLOW).param("code", code).param("userAgentHash", userAgentHash).query(String.class).optional();
    }

    /** The code's stored target without recording anything. */
    Optional<String> target(String code) {
        return jdbc.sql(TARGET).param("code", code).query(String.class).optional();
    }

    List<LinkStats> linkStats(String sendId) {
        return jdbc.sql(LINK_STATS).param("sendId", sendId)
                .query((rs, n) -> new LinkStats(rs.getLong("id"), rs.getString("target"), rs.getLong("recipients"),
                        rs.getLong("clicks"), rs.getLong("clickers"), instant(rs, "first_click"), instant(rs, "last_click")))
                .list();
    }

    long sendClickers(String sendId) {
        return jdbc.sql(SEND_CLICKERS).param("sendId", sendId).query(Long.class).single();
    }

    long clicksBy(String sendId, String recipientKey) {
        return jdbc.sql(CLICKS_BY).param("sendId", sendId).param("recipientKey", recipientKey).query(Long.class).single();
    }

    private static LinkDomain domain(ResultSet rs) throws SQLException {
        return new LinkDomain(rs.getString("domain"), rs.getString("added_by"), instant(rs, "added_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
