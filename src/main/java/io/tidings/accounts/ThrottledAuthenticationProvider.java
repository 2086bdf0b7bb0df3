package io.tidings.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;

/** Password login, refused outright while the username is throttled. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    // Compared against when the user does not exist, so timing does not tell which usernames exist.
    private final String dummyHash;
    private final AccountsApi accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AccountsApi accounts, PasswordEncoder passwords, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        if (throttle.blocked(username)) {
            throw new LockedException("Too many failed logins; try again later.");
        }
        var credentials = accounts.credentials(username);
        boolean matches = passwords.matches(password, credentials.map(AccountStore.Credentials::passwordHash).orElse(dummyHash));
        if (credentials.isEmpty() || !matches) {
            throttle.failed(username, clientIp());
            throw new BadCredentialsException("Wrong username or password.");
        }
        User user = credentials.get().user();
        if (!user.enabled()) {
            throw new DisabledException("This account is disabled.");
        }
        throttle.succeeded(username);
        return UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return r.getRemoteAddr();
        }
        return null;
    }
}
