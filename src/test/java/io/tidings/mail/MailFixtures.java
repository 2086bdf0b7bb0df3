package io.tidings.mail;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.threads.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/** Unique users, contacts and leads per test (the database persists between runs), and queue rows. */
final class MailFixtures {

    record Queued(String recipient, String payload) {
    }

    final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AccountsApi accounts;
    private final ContactsApi contacts;
    private final RecordsApi records;
    private final JdbcClient jdbc;
    private int seq;

    MailFixtures(AccountsApi accounts, ContactsApi contacts, RecordsApi records, JdbcClient jdbc) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.records = records;
        this.jdbc = jdbc;
    }

    String user(String who) {
        String name = who + "-" + run + "-" + (++seq);
        accounts.createUser(name, who, name + "@staff.example.com", "password-" + run, Role.SALESPERSON);
        return name;
    }

    long contact(String who) {
        return contacts.create(NewContact.of(who + " " + run, address(who), null)).id();
    }

    /** A unique outside address. */
    String address(String who) {
        return who + "-" + run + "-" + (++seq) + "@example.org";
    }

    String emailOf(long contactId) {
        return contacts.get(contactId).email();
    }

    RecordRef lead(String name) {
        return RecordRef.lead(records.createLead(NewLead.named(name + " " + run)).id());
    }

    /** Email queued on dispatch channel "email" for this thread message. */
    List<Queued> queuedFor(long threadMessageId) {
        return jdbc.sql("""
                        select recipient, payload::text from dispatch_messages
                        where channel = 'email' and idempotency_key like :prefix order by recipient
                        """).param("prefix", "thread-" + threadMessageId + "-%")
                .query((rs, n) -> new Queued(rs.getString(1), rs.getString(2))).list();
    }

    /** The newest inbound mail with this Message-ID. */
    InboundMail inboundByMessageId(MailApi mail, String messageId) {
        long id = jdbc.sql("select id from mail_inbound where message_id = :m order by id desc limit 1")
                .param("m", messageId).query(Long.class).single();
        return mail.inbound(id);
    }

    /** The newest inbound mail whose raw bytes contain this marker (for mail without a usable Message-ID). */
    InboundMail inboundContaining(MailApi mail, String marker) {
        long id = jdbc.sql("select id from mail_inbound where position(convert_to(:m, 'UTF8') in raw) > 0 order by id desc limit 1")
                .param("m", marker).query(Long.class).single();
        return mail.inbound(id);
    }

    long inboundCount() {
        return jdbc.sql("select count(*) from mail_inbound").query(Long.class).single();
    }
}
