package io.tidings.accounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;


/**
 * Two doors: the API (stateless, bearer tokens, no CSRF since no cookie is honoured) and the web UI
 * (form login, session, CSRF). Every path names the roles it admits; anything unnamed needs a login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    private static final String ADMIN = "ADMIN";
    private static final String MARKETER = "MARKETER";
    private static final String SALESPERSON = "SALESPERSON";
    private static final String VIEWER = "VIEWER";

    @Bean
    ThrottledAuthenticationProvider authenticationProvider(AccountsApi accounts, PasswordEncoder passwords,
                                                           LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(accounts, passwords, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountsApi accounts) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> SecurityErrors.write(res, 401, "Unauthorized",
                                "Send an API token: Authorization: Bearer <token>."))
                        .accessDeniedHandler((req, res, ex) -> SecurityErrors.write(res, 403, "Forbidden",
                                "Your role may not do this.")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/openapi.json").permitAll()
                        .requestMatchers("/api/v1/webhooks/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/users/**", "/api/v1/tokens/**").hasRole(ADMIN)
                        // incoming mail: mailboxes hold credentials, raw mail is whatever anyone sent
                        .requestMatchers("/api/v1/mail/inbound", "/api/v1/mail/inbound/**", "/api/v1/mail/mailboxes",
                                "/api/v1/mail/mailboxes/**").hasRole(ADMIN)
                        // reviewing what may be sent (seed 001) is an admin's call
                        .requestMatchers(HttpMethod.POST, "/api/v1/sms/signatures/*/approve", "/api/v1/sms/signatures/*/reject",
                                "/api/v1/sms/templates/*/approve", "/api/v1/sms/templates/*/reject").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, MARKETER, SALESPERSON, VIEWER)
                        // a salesperson may send one transactional SMS (SendsController enforces the "one" and the kind)
                        .requestMatchers(HttpMethod.POST, "/api/v1/sms/preview", "/api/v1/sms/sends").hasAnyRole(ADMIN, MARKETER, SALESPERSON)
                        // rates decide routing and what a send costs
                        .requestMatchers("/api/v1/sms/rates", "/api/v1/sms/rates/**").hasRole(ADMIN)
                        // buying credits spends money: reading them is for everyone, changing them for admins
                        .requestMatchers("/api/v1/credits", "/api/v1/credits/**").hasRole(ADMIN)
                        // provider config holds credentials and decides where messages go
                        .requestMatchers("/api/v1/sms/providers", "/api/v1/sms/providers/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/contacts/import/**", "/api/v1/contacts/import").hasAnyRole(ADMIN, MARKETER)
                        .requestMatchers("/api/v1/contacts/**", "/api/v1/contacts").hasAnyRole(ADMIN, MARKETER, SALESPERSON)
                        // leads, orders and their threads are a salesperson's daily work
                        .requestMatchers("/api/v1/leads", "/api/v1/leads/**", "/api/v1/orders", "/api/v1/orders/**",
                                "/api/v1/records/**").hasAnyRole(ADMIN, MARKETER, SALESPERSON)
                        .anyRequest().hasAnyRole(ADMIN, MARKETER));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ThrottledAuthenticationProvider provider) throws Exception {
        http.authenticationManager(new ProviderManager(provider))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                // the unsubscribe link's signed token is its authority; mail clients post it without a session (RFC 8058)
                .csrf(c -> c.ignoringRequestMatchers("/mail/unsubscribe/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/l/**", "/mail/unsubscribe/**").permitAll()
                        .requestMatchers("/settings/users/**", "/settings/tokens/**", "/credits/topup").hasRole(ADMIN)
                        .requestMatchers("/mail/inbound", "/mail/inbound/**", "/mail/mailboxes", "/mail/mailboxes/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/sms/providers", "/sms/providers/**", "/sms/rates/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/sms/signatures/*/approve", "/sms/signatures/*/reject",
                                "/sms/templates/*/approve", "/sms/templates/*/reject").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/sms/count", "/sms/fix", "/credits/quote", "/mail/domain/check").hasAnyRole(ADMIN, MARKETER, SALESPERSON, VIEWER)
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(ADMIN, MARKETER, SALESPERSON, VIEWER)
                        .requestMatchers("/contacts/import/**").hasAnyRole(ADMIN, MARKETER)
                        .requestMatchers("/contacts/**").hasAnyRole(ADMIN, MARKETER, SALESPERSON)
                        .requestMatchers("/leads", "/leads/**", "/orders", "/orders/**", "/records/**")
                                .hasAnyRole(ADMIN, MARKETER, SALESPERSON)
                        // everyone reads and marks their own inbox
                        .requestMatchers("/inbox", "/inbox/**").hasAnyRole(ADMIN, MARKETER, SALESPERSON, VIEWER)
                        .anyRequest().hasAnyRole(ADMIN, MARKETER));
        return http.build();
    }
}
