package io.tidings.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Authorization: Bearer tid_… on the API; a wrong token is a 401, never a fall-through. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccountsApi accounts;

    BearerTokenFilter(AccountsApi accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiToken> token = accounts.authenticate(header.substring(7).trim());
            if (token.isEmpty()) {
                SecurityErrors.write(response, 401, "Unauthorized", "The API token is unknown or revoked.");
                return;
            }
            ApiToken t = token.get();
            var auth = new UsernamePasswordAuthenticationToken("token:" + t.name(), null,
                    List.of(new SimpleGrantedAuthority(t.role().authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
