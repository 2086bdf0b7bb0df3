package io.tidings.threads;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/** Unique users, contacts and leads per test (the database persists between runs), and the queue as rows. */
final class ThreadFixtures {

    record Queued(String recipient, String payload) {
    }

    final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AccountsApi accounts;
    private final ContactsApi contacts;
    private final RecordsApi records;
    private final JdbcClient jdbc;
    private int seq;

    ThreadFixtures(AccountsApi accounts, ContactsApi contacts, RecordsApi records, JdbcClient jdbc) {
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
        return contacts.create(NewContact.of(who + " " + run, who + "-" + run + "-" + (++seq) + "@example.com", null)).id();
    }

    String emailOf(long contactId) {
        return contacts.get(contactId).email();
    }

    RecordRef lead(String name) {
        return RecordRef.lead(records.createLead(NewLead.named(name + " " + run)).id());
    }

    /** Email queued on dispatch channel "email" for this thread message. */
    List<Queued> queuedFor(long messageId) {
        return jdbc.sql("""
                        select recipient, payload::text from dispatch_messages
                        where channel = 'email' and idempotency_key like :prefix order by recipient
                        """).param("prefix", "thread-" + messageId + "-%")
                .query((rs, n) -> new Queued(rs.getString(1), rs.getString(2))).list();
    }
}
