package io.tidings.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DKIM keys Tidings generates and keeps: RSA-2048, one per domain and selector, created on first
 * use and stored in {@code mail_dkim_keys} so every node signs with the same key.
 */
@Component
public class DkimKeys {

    /** A domain's key pair. */
    public record DkimKey(String domain, String selector, RSAPrivateKey privateKey, RSAPublicKey publicKey) {

        /** The TXT record to publish at {@link #dnsName()}. */
        public String txtRecord() {
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey.getEncoded());
        }

        /** {@code <selector>._domainkey.<domain>}. */
        public String dnsName() {
            return selector + "._domainkey." + domain;
        }
    }

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<String, DkimKey> cache = new ConcurrentHashMap<>();

    DkimKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DkimKey key(String domain, String selector) {
        String d = domain.toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(d + "\u0000" + selector, k -> load(d, selector));
    }

    private DkimKey load(String domain, String selector) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair fresh = generator.generateKeyPair();
            jdbc.sql("""
                    insert into mail_dkim_keys (domain, selector, private_der, public_der)
                    values (:domain, :selector, :private, :public) on conflict (domain, selector) do nothing""")
                    .param("domain", domain).param("selector", selector)
                    .param("private", fresh.getPrivate().getEncoded()).param("public", fresh.getPublic().getEncoded())
                    .update();
            record Row(byte[] privateDer, byte[] publicDer) {
            }
            Row row = jdbc.sql("select private_der, public_der from mail_dkim_keys where domain = :domain and selector = :selector")
                    .param("domain", domain).param("selector", selector).query(Row.class).single();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new DkimKey(domain, selector,
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(row.privateDer())),
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(row.publicDer())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make or read the DKIM key of " + domain, e);
        }
    }
}
