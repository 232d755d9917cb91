package id.simpul.identity.user;

import id.simpul.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The sign-in side of the user store: who may sign in (enabled, not locked), and the count of wrong passwords that
 * locks an account ({@code simpul.identity.lockout}).
 */
@Component
public class SignInAccounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(SignInAccounts.class);

    private final UserStore users;
    private final IdentityProperties.Lockout lockout;
    private final Clock clock;

    SignInAccounts(UserStore users, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.lockout = properties.lockout();
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.byUsername(username).orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .accountLocked(user.lockedAt(clock.instant()))
                .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                .build();
    }

    /** A wrong password for an existing user; returns whether the account is locked now. */
    public boolean failed(String username) {
        if (username == null || users.byUsername(username).isEmpty()) {
            return false;
        }
        boolean locked = users.recordFailure(username, clock.instant(), lockout.maxFailures(), lockout.window(), lockout.duration());
        if (locked) {
            log.warn("Account {} locked for {} after {} wrong passwords", username, lockout.duration(), lockout.maxFailures());
        }
        return locked;
    }

    public void succeeded(String username) {
        users.clearFailures(username);
    }
}
