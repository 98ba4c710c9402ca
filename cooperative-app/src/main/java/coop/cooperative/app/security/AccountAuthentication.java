package coop.cooperative.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in by email and password. An email may have several accounts (one owning it, others bound to
 * a cooperative, see {@link Account}); the password tells which one signs in. An unknown email costs
 * the same bcrypt check as a wrong password, so the time taken does not tell whether it has an account.
 * <p>
 * A script on HTTP Basic sends its password with every request, and bcrypt costs about 70 ms of CPU:
 * so credentials that matched are remembered for a few minutes ({@code cooperative.sign-in.remember-for}),
 * under a keyed hash of email and password (neither is kept), and answer without bcrypt while the
 * account still has the password hash they matched: a changed password or an account gone misses.
 * A wrong password is never remembered, so it always costs the full check.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String unknownEmailHash;
    private final Cache<String, Matched> matched;
    private final Mac credentialsKey;

    AccountAuthentication(Accounts accounts, PasswordEncoder passwords,
                          @Value("${cooperative.sign-in.remember-for:PT5M}") Duration rememberFor) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.unknownEmailHash = passwords.encode("no account has this password");
        this.matched = Caffeine.newBuilder().expireAfterWrite(rememberFor).maximumSize(10_000).build();
        this.credentialsKey = hmacWithRandomKey();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String email = Accounts.normalise(request.getName());
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String key = credentialsKey(email, password);
        Account account = remembered(key, email).orElseGet(() -> {
            Account checked = checked(email, password);
            matched.put(key, new Matched(checked.accountId(), checked.passwordHash()));
            return checked;
        });
        SignedInAccount principal = new SignedInAccount(account);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private Optional<Account> remembered(String key, String email) {
        Matched known = matched.getIfPresent(key);
        if (known == null) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.byId(known.accountId())
                .filter(a -> a.email().equals(email) && a.passwordHash().equals(known.passwordHash()));
        if (account.isEmpty()) {
            matched.invalidate(key);
        }
        return account;
    }

    private Account checked(String email, String password) {
        var candidates = accounts.withEmail(email);
        if (candidates.isEmpty()) {
            passwords.matches(password, unknownEmailHash);
        }
        return candidates.stream()
                .filter(account -> passwords.matches(password, account.passwordHash()))
                .findFirst()
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    }

    private String credentialsKey(String email, String password) {
        Mac mac;
        try {
            mac = (Mac) credentialsKey.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 can be cloned on every Java platform", e);
        }
        return HexFormat.of().formatHex(mac.doFinal((email + '\0' + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A key of this process only: a remembered sign-in is worthless outside it, and a restart forgets them all. */
    private static Mac hmacWithRandomKey() {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private record Matched(UUID accountId, String passwordHash) {
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
