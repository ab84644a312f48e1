package org.orrery.twofactor;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.throttle.SignInThrottle;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second step of a sign-in with two-factor on: {@code POST /signin/two-factor} with {@code verificationCode}
 * (a 6-digit code or a backup code) for the sign-in that awaits one. A right code signs the researcher in as a
 * password alone does elsewhere (new session id, new CSRF token, the registry's success handler, which resumes the
 * saved request); a wrong one goes back to the code page, and throttled attempts say how long to wait.
 */
public final class TwoFactorSignInFilter extends AbstractAuthenticationProcessingFilter {

    static final String BLOCKED_UNTIL = "orrery.twofactor.blockedUntil";

    private TwoFactorSignInFilter() {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TwoFactorSignIn.PAGE));
    }

    /** The filter, checking codes with these parts and finishing a sign-in with {@code signedIn}. */
    public static TwoFactorSignInFilter create(SecondFactor codes, SignInThrottle throttle,
            UserDetailsService researchers, AuditTrail audit, AuthenticationSuccessHandler signedIn,
            RedirectStrategy redirects) {
        var filter = new TwoFactorSignInFilter();
        filter.setAuthenticationManager(new ProviderManager(new TwoFactorCodeProvider(codes, throttle, researchers)));
        filter.setSecurityContextRepository(TwoFactorSignIn.CONTEXTS);
        filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(java.util.List.of(
                new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
        filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
            TwoFactorSignIn.clear(request);
            if (TwoFactorService.isBackupCode(request.getParameter("verificationCode"))) {
                audit.record(AuditEventType.TWO_FACTOR_BACKUP_CODE_USED, authentication.getName(), null, null, null);
            }
            signedIn.onAuthenticationSuccess(request, response, authentication);
        });
        filter.setAuthenticationFailureHandler((request, response, exception) -> failed(request, response, exception,
                audit, redirects));
        return filter;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String orcid = TwoFactorSignIn.pendingOrcid(request);
        if (orcid == null) {
            throw new InsufficientAuthenticationException("No sign-in awaits a code");
        }
        String code = request.getParameter("verificationCode");
        var attempt = TwoFactorAuthenticationToken.unchecked(orcid, code == null ? "" : code);
        attempt.setDetails(this.authenticationDetailsSource.buildDetails(request));
        return getAuthenticationManager().authenticate(attempt);
    }

    private static void failed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception, AuditTrail audit, RedirectStrategy redirects) throws IOException {
        if (!(exception instanceof TwoFactorCodeProvider.CodeRefused refused)) {
            redirects.sendRedirect(request, response, "/signin?expired");
            return;
        }
        audit.record(refused.checked() ? AuditEventType.TWO_FACTOR_FAILED : AuditEventType.SIGN_IN_THROTTLED,
                refused.orcid(), null, refused.checked() ? "BAD_CODE" : null, null);
        if (refused.blockedUntil() != null) {
            request.getSession().setAttribute(BLOCKED_UNTIL, refused.blockedUntil().toEpochMilli());
        }
        redirects.sendRedirect(request, response, TwoFactorSignIn.PAGE + (refused.checked() ? "?error" : "?throttled"));
    }
}
