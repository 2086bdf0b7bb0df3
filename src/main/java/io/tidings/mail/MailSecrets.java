package io.tidings.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/** Per-purpose random secrets kept in the database, so every node signs and checks with the same key. */
@Component
class MailSecrets {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    MailSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] secret(String name) {
        return cache.computeIfAbsent(name, this::load).clone();
    }

    private byte[] load(String name) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // The first node to insert wins; everyone reads the winner.
        jdbc.sql("insert into mail_secrets (name, secret) values (:name, :secret) on conflict (name) do nothing")
                .param("name", name).param("secret", fresh).update();
        return jdbc.sql("select secret from mail_secrets where name = :name").param("name", name)
                .query(byte[].class).single();
    }
}
