package coop.cooperative.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.app.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Three doors: the API (an API token or HTTP Basic, stateless, so no CSRF token is needed), the actuator
 * (health for everyone, the rest for the installation's administrator), and the pages (form
 * login with CSRF protection). Per-cooperative roles are checked on each method. A {@code views} node
 * (no HTTP) has no doors, only the method security and the password encoder its schedules may use.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * One manager for every door: passwords (HTTP Basic and the login form) and API tokens. It
     * publishes failures, which the sign-in throttle counts.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountAuthentication passwords, ApiTokenAuthentication tokens,
                                                AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(passwords, tokens);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, AuthenticationManager manager) throws Exception {
        return statelessBasic(hardened(http).securityMatcher("/api/**"), problems)
                .authenticationManager(manager)
                .addFilterBefore(bearerTokens(manager, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/invitations/*", "/api/password-resets",
                                "/api/password-resets/*").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain actuator(HttpSecurity http, ProblemResponses problems, AuthenticationManager manager)
            throws Exception {
        return statelessBasic(hardened(http).securityMatcher("/actuator/**"), problems)
                .authenticationManager(manager)
                .addFilterBefore(bearerTokens(manager, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMINISTRATOR"))
                .build();
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager) throws Exception {
        return hardened(http)
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/invitations/**", "/password-resets", "/password-resets/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/favicon.svg").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    /**
     * What a browser may do with our answers: scripts only from this origin (the pages have no inline
     * script; htmx and the charts set styles, hence inline styles), no framing, no referrer to other
     * sites, no camera, microphone or location. HSTS is Spring Security's, sent over https only.
     */
    private static HttpSecurity hardened(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
    }

    /**
     * {@code Authorization: Bearer <token>}: signs the request in as the token's owner, or answers 401.
     * The chain goes on after a success; a request without a token goes on to HTTP Basic.
     */
    private static AuthenticationFilter bearerTokens(AuthenticationManager manager, ProblemResponses problems) {
        AuthenticationFilter filter = new AuthenticationFilter(manager, ApiTokenAuthentication::presented);
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        return filter;
    }

    /** HTTP Basic on every request, no session, so no cookie can be abused and no CSRF token is needed. */
    private static HttpSecurity statelessBasic(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
    }

    /** A path the firewall refuses (an encoded dot or slash, a NUL) is a 400 in problem details, not a 500 page. */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST,
                "Bad request", "The path holds characters that are not allowed (an encoded dot, slash or NUL)"));
    }

    /** bcrypt, where a password longer than it reads simply does not match (Spring's would throw: a 500). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder() {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return rawPassword != null && Passphrase.Check.fitsBcrypt(rawPassword.toString())
                        && super.matches(rawPassword, encodedPassword);
            }
        };
    }
}
