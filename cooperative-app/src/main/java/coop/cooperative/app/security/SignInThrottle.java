package coop.cooperative.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-ins, counted per account and per address in token buckets: a few failures cost
 * nothing, then each bucket refills slowly, and a second, longer limit makes the wait grow for
 * whoever keeps guessing. While a bucket is empty, sign-ins for that account or from that address
 * are refused before the password is checked ({@link SignInThrottleFilter}), so guessing gains
 * nothing and costs no bcrypt. A successful sign-in does not refill a bucket.
 */
@Component
public class SignInThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();
    private final int perAccount;
    private final int perAddress;

    SignInThrottle(@Value("${cooperative.sign-in.failures-per-account:5}") int perAccount,
                   @Value("${cooperative.sign-in.failures-per-address:30}") int perAddress) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** How long to wait before this sign-in may be tried, if it must wait at all. */
    public Optional<Duration> waitBefore(String account, String address) {
        long nanos = Math.max(wait(accountKey(account)), wait(addressKey(address)));
        return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String account = accountKey(event.getAuthentication().getName());
        if (account != null) { // an API token names no account: 256 random bits are not worth guessing
            bucket(account, perAccount).tryConsume(1);
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            bucket(addressKey(details.getRemoteAddress()), perAddress).tryConsume(1);
        }
    }

    private long wait(String key) {
        if (key == null) {
            return 0;
        }
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /**
     * {@code burst} failures at once, then one more a minute; and at most {@code 4 × burst} an
     * hour, so that a steady guesser waits a quarter of an hour and more per try.
     */
    private Bucket bucket(String key, int burst) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(4L * burst).refillGreedy(4L * burst, Duration.ofHours(1)).build())
                .build());
    }

    private static String accountKey(String account) {
        return account == null || account.isBlank() ? null : "account:" + account.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }
}
