package org.orrery.twofactor;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Before checking: the iD whose sign-in awaits a code, and the code typed. After: the signed-in researcher, who
 * gave a password and a second factor.
 */
public final class TwoFactorAuthenticationToken extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Object principal;

    private transient String code;

    private TwoFactorAuthenticationToken(String orcid, String code) {
        super((java.util.Collection<org.springframework.security.core.GrantedAuthority>) null);
        this.principal = orcid;
        this.code = code;
        setAuthenticated(false);
    }

    private TwoFactorAuthenticationToken(UserDetails researcher) {
        super(researcher.getAuthorities());
        this.principal = researcher;
        super.setAuthenticated(true);
    }

    static TwoFactorAuthenticationToken unchecked(String orcid, String code) {
        return new TwoFactorAuthenticationToken(orcid, code);
    }

    static TwoFactorAuthenticationToken signedIn(UserDetails researcher) {
        return new TwoFactorAuthenticationToken(researcher);
    }

    String code() {
        return this.code;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return this.principal;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        this.code = null;
    }
}
