package org.orrery.web;

import org.orrery.lifecycle.InactiveRecordSignIn;
import org.orrery.lifecycle.RecordLifecycle;

import java.time.Instant;
import java.util.Locale;

import org.orrery.clients.SecretHasher;
import org.orrery.registry.ResearcherUserDetailsService;
import org.orrery.throttle.SignInThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a sign-in only when neither its account nor its source address is blocked by earlier failures
 * (security rule 10). A wrong password counts against both; a right one clears the account's count.
 */
final class ThrottledSignInProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final SignInThrottle throttle;

    private final ResearcherUserDetailsService researchers;

    private final RecordLifecycle lifecycle;

    ThrottledSignInProvider(AuthenticationProvider passwords, SignInThrottle throttle,
            ResearcherUserDetailsService researchers, RecordLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.passwords = passwords;
        this.throttle = throttle;
        this.researchers = researchers;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String userId = attempt.getName() == null ? "" : attempt.getName();
        String orcid = orcidOf(userId);
        String account = orcid != null ? SignInThrottle.accountKey(orcid)
                : SignInThrottle.unknownAccountKey(SecretHasher.sha256(userId.trim().toLowerCase(Locale.ROOT)));
        String address = SignInThrottle.addressKey(addressOf(attempt));
        Instant blockedUntil = this.throttle.blockedUntil(account, address);
        if (blockedUntil != null) {
            throw new SignInRefusedException(orcid, blockedUntil, false);
        }
        try {
            Authentication signedIn = this.passwords.authenticate(attempt);
            this.throttle.clear(account);
            InactiveRecordSignIn.check(this.lifecycle, signedIn.getName());
            return signedIn;
        }
        catch (BadCredentialsException wrong) {
            throw new SignInRefusedException(orcid, this.throttle.recordFailure(account, address), true);
        }
    }

    private String orcidOf(String userId) {
        try {
            return this.researchers.loadUserByUsername(userId).getUsername();
        }
        catch (UsernameNotFoundException unknown) {
            return null;
        }
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
