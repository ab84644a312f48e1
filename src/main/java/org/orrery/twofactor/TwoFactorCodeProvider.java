package org.orrery.twofactor;

import java.time.Instant;

import org.orrery.throttle.SignInThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the code of a sign-in that awaits one, throttled like passwords (security rule 10): on a key of its own
 * per account, which a right password does not clear, and on the source address's key shared with passwords.
 */
final class TwoFactorCodeProvider implements AuthenticationProvider {

    /** A refused code: wrong (counted), or not checked because of earlier failures. */
    static final class CodeRefused extends AuthenticationException {

        private final transient String orcid;

        private final transient Instant blockedUntil;

        private final boolean checked;

        CodeRefused(String orcid, Instant blockedUntil, boolean checked) {
            super(checked ? "Wrong code" : "Too many failed attempts");
            this.orcid = orcid;
            this.blockedUntil = blockedUntil;
            this.checked = checked;
        }

        String orcid() {
            return this.orcid;
        }

        Instant blockedUntil() {
            return this.blockedUntil;
        }

        boolean checked() {
            return this.checked;
        }
    }

    private final SecondFactor codes;

    private final SignInThrottle throttle;

    private final UserDetailsService researchers;

    TwoFactorCodeProvider(SecondFactor codes, SignInThrottle throttle, UserDetailsService researchers) {
        this.codes = codes;
        this.throttle = throttle;
        this.researchers = researchers;
    }

    /** The throttle key of an account's code failures. */
    static String accountKey(String orcid) {
        return "twofactor:" + orcid;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var attempt = (TwoFactorAuthenticationToken) authentication;
        String orcid = attempt.getName();
        String account = accountKey(orcid);
        String address = SignInThrottle.addressKey(
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress() : "unknown");
        Instant blockedUntil = this.throttle.blockedUntil(account, address);
        if (blockedUntil != null) {
            throw new CodeRefused(orcid, blockedUntil, false);
        }
        if (!this.codes.verify(orcid, attempt.code())) {
            throw new CodeRefused(orcid, this.throttle.recordFailure(account, address), true);
        }
        this.throttle.clear(account);
        var signedIn = TwoFactorAuthenticationToken.signedIn(this.researchers.loadUserByUsername(orcid));
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return TwoFactorAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
