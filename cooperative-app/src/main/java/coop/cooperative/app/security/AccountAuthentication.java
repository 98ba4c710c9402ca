package coop.cooperative.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Sign-in by email and password. An email may have several accounts (one owning it, others bound to
 * a cooperative, see {@link Account}); the password tells which one signs in. An unknown email costs
 * the same bcrypt check as a wrong password, so the time taken does not tell whether it has an account.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String unknownEmailHash;

    AccountAuthentication(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.unknownEmailHash = passwords.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        var candidates = accounts.withEmail(request.getName());
        if (candidates.isEmpty()) {
            passwords.matches(password, unknownEmailHash);
        }
        return candidates.stream()
                .filter(account -> passwords.matches(password, account.passwordHash()))
                .findFirst()
                .map(SignedInAccount::new)
                .map(principal -> UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()))
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
