package coop.cooperative.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Refuses a sign-in (HTTP Basic on any request, or the login form) with 429 and Retry-After while
 * {@link SignInThrottle} says its account or address must wait; runs before Spring Security, so a
 * throttled guess never reaches the password check.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ObjectMapper json;

    SignInThrottleFilter(SignInThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> account = signingInAs(request);
        Optional<Duration> wait = account.flatMap(a -> throttle.waitBefore(a, request.getRemoteAddr()));
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                    "Too many wrong passwords for this account or from this address; try again in " + seconds + " s"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The account a request signs in as: HTTP Basic's user, or the login form's username. */
    private static Optional<String> signingInAs(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not Base64: Spring Security refuses it as it is
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }
}
