package io.tidings.sms.inbound;

import io.tidings.sms.SmsReply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** All SQL of inbound messages. A provider's retried webhook finds its message stored and changes nothing. */
@Repository
public class InboundStore {

    private static final String INSERT = """
            insert into sms_inbound (gateway, provider_message_id, from_e164, to_number, text, contact_id, kind)
            values (:gateway, :providerMessageId, :from, :to, :text, :contactId, :kind)
            on conflict (gateway, provider_message_id) where provider_message_id is not null do nothing
            returning id
            """;
    private static final String REPLIES_FOR = """
            select id, contact_id, from_e164, to_number, text, kind, received_at
            from sms_inbound where contact_id = :contactId order by id desc limit 500
            """;

    private final JdbcClient jdbc;

    InboundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new id; empty when this provider message was stored before */
    Optional<Long> insert(String gateway, String providerMessageId, String from, String to, String text, Long contactId,
                          String kind) {
        return jdbc.sql(INSERT).param("gateway", gateway).param("providerMessageId", providerMessageId)
                .param("from", from).param("to", to).param("text", text).param("contactId", contactId)
                .param("kind", kind).query(Long.class).optional();
    }

    public List<SmsReply> repliesFor(long contactId) {
        return jdbc.sql(REPLIES_FOR).param("contactId", contactId).query((rs, i) -> new SmsReply(rs.getLong("id"),
                (Long) rs.getObject("contact_id"), rs.getString("from_e164"), rs.getString("to_number"),
                rs.getString("text"), rs.getString("kind"), rs.getTimestamp("received_at").toInstant())).list();
    }
}
