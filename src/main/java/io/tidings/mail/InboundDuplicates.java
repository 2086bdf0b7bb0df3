package io.tidings.mail;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The same mail twice (a sender retrying after a lost 250, the copy in an IMAP mailbox of mail that also
 * came by MX, a forward of a forward) is routed once: a later copy with a Message-ID that was already
 * routed somewhere is kept but does nothing.
 */
@Component
@Order(5)
class InboundDuplicates implements InboundRoute {

    private static final String ROUTED_BEFORE = """
            select id from mail_inbound
            where message_id = :messageId and id <> :id and route in ('reply', 'auto_reply', 'alias', 'bounce')
            order by id limit 1
            """;

    private final JdbcClient jdbc;

    InboundDuplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<InboundRouting> route(InboundMessage mail) {
        if (mail.messageId() == null) {
            return Optional.empty();
        }
        return jdbc.sql(ROUTED_BEFORE).param("messageId", mail.messageId()).param("id", mail.id()).query(Long.class).optional()
                .map(first -> InboundRouting.to("duplicate", "same Message-ID as inbound mail " + first, null, null));
    }
}
