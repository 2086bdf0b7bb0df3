package io.tidings.contacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every SQL statement of the contacts module. */
@Repository
class ContactStore {

    static final String CONTACT_COLUMNS = """
            id, name, email, phone, phone_country, phone_type, country, timezone, language, company, tags,
            custom_fields, email_consent, sms_consent, created_at, updated_at""";

    private static final String INSERT_CONTACT = """
            insert into contacts (name, email, phone, phone_country, phone_type, country, timezone, language,
                                  company, tags, custom_fields)
            values (:name, :email, :phone, :phoneCountry, :phoneType, :country, :timezone, :language, :company,
                    array(select jsonb_array_elements_text(cast(:tags as jsonb))), cast(:customFields as jsonb))
            returning %s""".formatted(CONTACT_COLUMNS);
    private static final String FIND_CONTACT = "select " + CONTACT_COLUMNS + " from contacts where id = :id";
    private static final String LOCK_CONTACT = "select " + CONTACT_COLUMNS + " from contacts where id = :id for update";
    private static final String UPDATE_CONTACT = """
            update contacts set name = :name, email = :email, phone = :phone, phone_country = :phoneCountry,
                   phone_type = :phoneType, country = :country, timezone = :timezone, language = :language,
                   company = :company, tags = array(select jsonb_array_elements_text(cast(:tags as jsonb))),
                   custom_fields = cast(:customFields as jsonb), updated_at = now()
            where id = :id
            returning %s""".formatted(CONTACT_COLUMNS);
    private static final String DELETE_CONTACT = """
            delete from contacts where id = :id
            returning email, phone, email_consent, sms_consent""";
    private static final String ID_BY_EMAIL = "select id from contacts where lower(email) = lower(:email)";
    private static final String ID_BY_PHONE = "select id from contacts where phone = :phone";
    /** The expression of the contacts_search_trgm index, character for character. */
    static final String SEARCH_TEXT = """
            (coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(phone, ''))""";
    // Keyset paging: "id > :after order by id" reads only the page, however deep it is. Trigrams serve
    // the ILIKE over name, company and phone; an email is matched by its beginning or its domain's,
    // each a range of a "C"-collation B-tree (V2_3). PostgreSQL must plan each call with its values
    // (see PLAN_EACH_CALL): the nulls switch filters off, and a LIKE prefix is an index range only
    // when the prefix is known.
    private static final String SEARCH = """
            select %s
            from contacts
            where (cast(:pattern as text) is null
                   or %s ilike cast(:pattern as text)
                   or email collate "C" like cast(:emailPrefix as text)
                   or split_part(email, '@', 2) collate "C" like cast(:domainPrefix as text))
              and (cast(:tag as text) is null or tags @> array[cast(:tag as text)])
              and id > :after
            order by id
            limit :limit""".formatted(CONTACT_COLUMNS, SEARCH_TEXT);
    // After five executions of one prepared statement PostgreSQL may switch to a generic plan, made
    // without the values: it walks the primary key and filters, and a rare q then reads all of a
    // million contacts (0.8 s instead of 0.2 ms, measured). For this transaction only, plan every call.
    private static final String PLAN_EACH_CALL = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    // Custom fields become export columns; their names come from the whole table, before streaming starts.
    private static final String CUSTOM_FIELD_NAMES = """
            select k from (select distinct jsonb_object_keys(custom_fields) as k from contacts) keys
            order by k
            limit :limit""";

    private static final String SET_CONSENT = """
            update contacts
            set email_consent = case when :channel = 'email' then :state else email_consent end,
                sms_consent = case when :channel = 'sms' then :state else sms_consent end,
                updated_at = now()
            where id = :id""";
    private static final String INSERT_CONSENT_LOG = """
            insert into consent_log (contact_id, channel, state, how, source, actor, ip)
            values (:contactId, :channel, :state, :how, :source, :actor, :ip)
            returning id, contact_id, channel, state, how, source, actor, ip, changed_at""";
    private static final String CONSENT_LOG = """
            select id, contact_id, channel, state, how, source, actor, ip, changed_at
            from consent_log where contact_id = :contactId order by id""";
    private static final String MARKETING_FACTS = """
            select c.email, c.phone, c.email_consent, c.sms_consent,
                   exists (select 1 from blocklist b
                           where b.channel = :channel
                             and b.address = case when :channel = 'email' then lower(c.email) else c.phone end) as blocked
            from contacts c where c.id = :id""";

    private static final String BLOCK = """
            insert into blocklist (channel, address, reason, created_by) values (:channel, :address, :reason, :actor)
            on conflict (channel, address) do update set reason = excluded.reason
            returning channel, address, reason, created_by, created_at""";
    // Deleting a contact must not make an opted-out address marketable again when it is re-imported.
    private static final String BLOCK_IF_ABSENT = """
            insert into blocklist (channel, address, reason, created_by) values (:channel, :address, :reason, :actor)
            on conflict (channel, address) do nothing""";
    private static final String UNBLOCK = "delete from blocklist where channel = :channel and address = :address";
    private static final String IS_BLOCKED = """
            select exists (select 1 from blocklist where channel = :channel and address = :address)""";
    // A sender's batch at once: one statement for any number of addresses or contacts.
    private static final String BLOCKED_AMONG = """
            select address from blocklist where channel = :channel and address = any(cast(:addresses as text[]))""";
    private static final String MARKETING_FACTS_OF = """
            select c.id, c.email, c.phone, c.email_consent, c.sms_consent,
                   exists (select 1 from blocklist b
                           where b.channel = :channel
                             and b.address = case when :channel = 'email' then lower(c.email) else c.phone end) as blocked
            from contacts c where c.id = any(cast(:ids as bigint[]))""";
    // lower(email) is what contacts_email_uq indexes
    private static final String IDS_BY_EMAILS = """
            select lower(email) as email, id from contacts where lower(email) = any(cast(:emails as text[]))""";
    private static final String LIST_BLOCKLIST = """
            select channel, address, reason, created_by, created_at from blocklist
            where (cast(:channel as text) is null or channel = cast(:channel as text))
              and (channel, address) > (:afterChannel, :afterAddress)
            order by channel, address
            limit :limit""";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    ContactStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Contact insert(ContactRows.Values v) {
        return v.bind(jdbc.sql(INSERT_CONTACT)).query(ContactRows::contact).single();
    }

    Optional<Contact> find(long id) {
        return jdbc.sql(FIND_CONTACT).param("id", id).query(ContactRows::contact).optional();
    }

    Optional<Contact> lock(long id) {
        return jdbc.sql(LOCK_CONTACT).param("id", id).query(ContactRows::contact).optional();
    }

    Contact update(long id, ContactRows.Values v) {
        return v.bind(jdbc.sql(UPDATE_CONTACT)).param("id", id).query(ContactRows::contact).single();
    }

    record Deleted(String email, String phone, ConsentState emailConsent, ConsentState smsConsent) {
    }

    Optional<Deleted> delete(long id) {
        return jdbc.sql(DELETE_CONTACT).param("id", id)
                .query((rs, n) -> new Deleted(rs.getString("email"), rs.getString("phone"),
                        ConsentState.parse(rs.getString("email_consent")), ConsentState.parse(rs.getString("sms_consent"))))
                .optional();
    }

    Optional<Long> idByEmail(String email) {
        return jdbc.sql(ID_BY_EMAIL).param("email", email).query(Long.class).optional();
    }

    Optional<Long> idByPhone(String phone) {
        return jdbc.sql(ID_BY_PHONE).param("phone", phone).query(Long.class).optional();
    }

    /**
     * What a q looks for: an ILIKE pattern over name, company and phone, and LIKE prefixes of the
     * email and of its domain. All null, or none.
     */
    record SearchTerms(String pattern, String emailPrefix, String domainPrefix) {
        static final SearchTerms NONE = new SearchTerms(null, null, null);
    }

    List<Contact> search(SearchTerms terms, String tag, long after, int limit) {
        return readOnly.execute(s -> {
            jdbc.sql(PLAN_EACH_CALL).query().listOfRows();
            return jdbc.sql(SEARCH).param("pattern", terms.pattern()).param("emailPrefix", terms.emailPrefix())
                    .param("domainPrefix", terms.domainPrefix()).param("tag", tag).param("after", after)
                    .param("limit", limit).query(ContactRows::contact).list();
        });
    }

    List<String> customFieldNames(int limit) {
        return jdbc.sql(CUSTOM_FIELD_NAMES).param("limit", limit).query(String.class).list();
    }

    boolean setConsent(long id, Channel channel, ConsentState state) {
        return jdbc.sql(SET_CONSENT).param("id", id).param("channel", channel.key()).param("state", state.key())
                .update() == 1;
    }

    ConsentEntry logConsent(long contactId, ConsentChange c) {
        return jdbc.sql(INSERT_CONSENT_LOG).param("contactId", contactId).param("channel", c.channel().key())
                .param("state", c.state().key()).param("how", c.how()).param("source", c.source())
                .param("actor", c.actor()).param("ip", c.ip())
                .query(ContactRows::consentEntry).single();
    }

    List<ConsentEntry> consentLog(long contactId) {
        return jdbc.sql(CONSENT_LOG).param("contactId", contactId).query(ContactRows::consentEntry).list();
    }

    Optional<MarketingFacts> marketingFacts(long contactId, Channel channel) {
        return jdbc.sql(MARKETING_FACTS).param("id", contactId).param("channel", channel.key())
                .query((rs, n) -> new MarketingFacts(channel,
                        channel == Channel.EMAIL ? rs.getString("email") : rs.getString("phone"),
                        ConsentState.parse(rs.getString(channel == Channel.EMAIL ? "email_consent" : "sms_consent")),
                        rs.getBoolean("blocked")))
                .optional();
    }

    /** @param contactIds distinct ids; the facts of those that exist, by id */
    Map<Long, MarketingFacts> marketingFacts(Collection<Long> contactIds, Channel channel) {
        Map<Long, MarketingFacts> facts = new HashMap<>();
        jdbc.sql(MARKETING_FACTS_OF).param("ids", contactIds.stream().mapToLong(Long::longValue).toArray())
                .param("channel", channel.key())
                .query(rs -> {
                    facts.put(rs.getLong("id"), new MarketingFacts(channel,
                            channel == Channel.EMAIL ? rs.getString("email") : rs.getString("phone"),
                            ConsentState.parse(rs.getString(channel == Channel.EMAIL ? "email_consent" : "sms_consent")),
                            rs.getBoolean("blocked")));
                });
        return facts;
    }

    /** @param emails lowercase; the contact id of each that belongs to a contact */
    Map<String, Long> idsByEmail(Collection<String> emails) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(IDS_BY_EMAILS).param("emails", emails.toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString("email"), rs.getLong("id"));
                });
        return ids;
    }

    BlockedAddress block(Channel channel, String address, String reason, String actor) {
        return jdbc.sql(BLOCK).param("channel", channel.key()).param("address", address).param("reason", reason)
                .param("actor", actor).query(ContactRows::blocked).single();
    }

    void blockIfAbsent(Channel channel, String address, String reason, String actor) {
        jdbc.sql(BLOCK_IF_ABSENT).param("channel", channel.key()).param("address", address).param("reason", reason)
                .param("actor", actor).update();
    }

    boolean unblock(Channel channel, String address) {
        return jdbc.sql(UNBLOCK).param("channel", channel.key()).param("address", address).update() == 1;
    }

    boolean isBlocked(Channel channel, String address) {
        return jdbc.sql(IS_BLOCKED).param("channel", channel.key()).param("address", address)
                .query(Boolean.class).single();
    }

    /** @param addresses normalised as stored; those on the blocklist */
    Set<String> blockedAmong(Channel channel, Collection<String> addresses) {
        return new HashSet<>(jdbc.sql(BLOCKED_AMONG).param("channel", channel.key())
                .param("addresses", addresses.toArray(String[]::new)).query(String.class).list());
    }

    List<BlockedAddress> blocklist(Channel channel, String afterChannel, String afterAddress, int limit) {
        return jdbc.sql(LIST_BLOCKLIST).param("channel", channel == null ? null : channel.key())
                .param("afterChannel", afterChannel).param("afterAddress", afterAddress).param("limit", limit)
                .query(ContactRows::blocked).list();
    }
}
