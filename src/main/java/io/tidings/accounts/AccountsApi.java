package io.tidings.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The accounts module's one facade: users, their passwords, and API tokens. */
@Service
public class AccountsApi {

    private static final Logger log = LoggerFactory.getLogger(AccountsApi.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TOKEN_PREFIX = "tid_";

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final String initialAdminPassword;

    AccountsApi(AccountStore store, PasswordEncoder passwords,
                @Value("${tidings.admin-password:}") String initialAdminPassword) {
        this.store = store;
        this.passwords = passwords;
        this.initialAdminPassword = initialAdminPassword;
    }

    /** First start: an admin user, with TIDINGS_ADMIN_PASSWORD or a generated password printed once. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ensureAdmin() {
        if (store.countUsers() > 0) {
            return;
        }
        boolean generated = initialAdminPassword == null || initialAdminPassword.isBlank();
        String password = generated ? randomSecret(15) : initialAdminPassword;
        store.insertUser("admin", "Administrator", null, passwords.encode(password), Role.ADMIN);
        if (generated) {
            // Printed once, on the console (stderr, so stdout stays clean for token create and benchmarks); stored only as a hash.
            System.err.println("Tidings: created user 'admin' with password: " + password);
        } else {
            log.info("Created user 'admin' with the password from TIDINGS_ADMIN_PASSWORD");
        }
    }

    @Transactional
    public User createUser(String username, String displayName, String email, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("username must be 2 to 64 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("password must have at least 10 characters");
        }
        if (store.findCredentials(username).isPresent()) {
            throw new IllegalStateException("a user named '" + username + "' already exists");
        }
        store.insertUser(username, displayName == null ? username : displayName, email, passwords.encode(password), role);
        return store.findCredentials(username).orElseThrow().user();
    }

    public List<User> users() {
        return store.users();
    }

    public Optional<User> user(String username) {
        return store.findCredentials(username).map(AccountStore.Credentials::user);
    }

    public void changeRole(long userId, Role role, boolean enabled) {
        store.setRole(userId, role, enabled);
    }

    public void changePassword(long userId, String password) {
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("password must have at least 10 characters");
        }
        store.setPassword(userId, passwords.encode(password));
    }

    public NewToken createToken(String name, Role role, Long createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        String secret = TOKEN_PREFIX + randomSecret(32);
        ApiToken token = store.insertToken(name.trim(), sha256(secret), secret.substring(0, 10), role, createdBy);
        return new NewToken(token, secret);
    }

    public List<ApiToken> tokens() {
        return store.tokens();
    }

    public boolean revokeToken(long id) {
        return store.revokeToken(id);
    }

    /** The token behind a bearer secret, when it exists and is not revoked. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiToken> token = store.findToken(sha256(secret));
        token.ifPresent(t -> store.touchToken(t.id()));
        return token;
    }

    Optional<AccountStore.Credentials> credentials(String username) {
        return store.findCredentials(username);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
