package com.retail.recon.desk;

import com.retail.recon.users.DeskUser;
import com.retail.recon.users.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Form login and HTTP Basic both end here: {@link Users#authenticate} (bcrypt, the lockout) decides. Every
 * refusal is the same BadCredentialsException, so that a wrong password, an unknown or disabled name and a held
 * account cannot be told apart. A refusal is logged without the name typed (people type passwords into the name
 * field); a login is logged with the user's name. Neither ever logs a password.
 */
@Component
class DeskAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(DeskAuthentication.class);

    private final Users users;
    private final Clock clock;

    DeskAuthentication(Users users) {
        this.users = users;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Authentication authenticate(Authentication given) {
        String name = given.getName();
        Object credentials = given.getCredentials();
        Optional<DeskUser> user = users.authenticate(name,
                credentials instanceof CharSequence password ? password : null, clock.instant());
        if (user.isEmpty()) {
            log.info("desk: a login was refused");
            throw new BadCredentialsException("Wrong name or password");
        }
        log.info("desk: {} ({}) logged in", user.get().name(), user.get().role());
        UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(
                user.get().name(), null, List.of(new SimpleGrantedAuthority("ROLE_" + user.get().role().name())));
        authenticated.setDetails(given.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
