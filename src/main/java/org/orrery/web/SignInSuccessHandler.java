package org.orrery.web;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.ResearcherRepository;
import org.orrery.twofactor.SecondFactor;
import org.orrery.twofactor.TwoFactorSignIn;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a sign-in: records its time (an ID token's {@code auth_time}) and puts it on the audit trail, with the
 * application it was for, then goes back (303) to what the researcher was doing, usually an authorization
 * request, or to their record. A right password for a researcher with two-factor on is only the first step: the
 * code page comes next ({@link TwoFactorSignIn}), and this handler runs again once the code is accepted.
 */
final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final ResearcherRepository researchers;

    private final AuditTrail audit;

    private final SecondFactor secondFactor;

    SignInSuccessHandler(ResearcherRepository researchers, RedirectStrategy redirects, AuditTrail audit,
            SecondFactor secondFactor) {
        this.researchers = researchers;
        this.secondFactor = secondFactor;
        this.audit = audit;
        setRedirectStrategy(redirects);
        setDefaultTargetUrl("/my-orcid");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && this.secondFactor.enabledFor(authentication.getName())) {
            TwoFactorSignIn.awaitCode(request, response, authentication.getName(), getRedirectStrategy());
            return;
        }
        this.researchers.recordSignIn(authentication.getName(), Instant.now());
        this.audit.record(AuditEventType.SIGNED_IN, authentication.getName(), SignInClient.of(request, response), null,
                null);
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
