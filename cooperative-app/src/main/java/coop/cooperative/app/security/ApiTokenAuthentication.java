package coop.cooperative.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * {@code Authorization: Bearer <token>} on the API signs in as the token's owner ({@link ApiTokens}).
 * A token is 256 random bits, so it is checked with one indexed lookup of its hash: no bcrypt.
 */
@Component
class ApiTokenAuthentication implements AuthenticationProvider {

    private final ApiTokens tokens;

    ApiTokenAuthentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The token a request presents, as an authentication still to check; null when it presents none. */
    static Authentication presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return new Presented(header.substring(7).strip());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return tokens.accountOf(((Presented) authentication).token)
                .map(SignedInAccount::new)
                .map(principal -> UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()))
                .orElseThrow(() -> new BadCredentialsException("Unknown or expired token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Presented.class.isAssignableFrom(authentication);
    }

    /** A presented token. Its name is blank, so the sign-in throttle counts no account for it. */
    private static final class Presented extends AbstractAuthenticationToken {

        private final transient String token;

        private Presented(String token) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.token = token;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return "";
        }

        @Override
        public String getName() {
            return "";
        }
    }
}
