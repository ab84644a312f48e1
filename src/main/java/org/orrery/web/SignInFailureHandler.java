package org.orrery.web;

import org.orrery.lifecycle.InactiveRecordSignIn;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a failed sign-in, goes back to the sign-in page (303) with the message shown and the typed email or iD
 * kept, so nothing the researcher typed but the password is lost. When failures block further attempts for a
 * while, the page says for how long. Every failure goes on the audit trail.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    /** Session attribute holding the last user id typed on the sign-in form. */
    static final String LAST_USER_ID = "orrery.signin.userId";

    /** Session attribute holding when the block that refused a sign-in ends (epoch milliseconds). */
    static final String BLOCKED_UNTIL = "orrery.signin.blockedUntil";

    private final RedirectStrategy redirects;

    private final AuditTrail audit;

    SignInFailureHandler(RedirectStrategy redirects, AuditTrail audit) {
        this.redirects = redirects;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String userId = request.getParameter("userId");
        if (userId != null && userId.length() <= 320) {
            request.getSession().setAttribute(LAST_USER_ID, userId);
        }
        if (exception instanceof InactiveRecordSignIn inactive) {
            // The right password for a deactivated or deprecated record: say so on a page of its own.
            request.getSession().setAttribute(InactiveRecordSignIn.SESSION_ATTRIBUTE, inactive.state().orcid());
            this.audit.record(AuditEventType.SIGN_IN_FAILED, inactive.state().orcid(),
                    SignInClient.of(request, response), "RECORD_" + inactive.state().status().name(), null);
            this.redirects.sendRedirect(request, response, InactiveRecordSignIn.PAGE);
            return;
        }
        boolean checked = true;
        if (exception instanceof SignInRefusedException refused) {
            checked = refused.passwordChecked();
            this.audit.record(checked ? AuditEventType.SIGN_IN_FAILED : AuditEventType.SIGN_IN_THROTTLED,
                    refused.orcid(), SignInClient.of(request, response), checked ? "BAD_CREDENTIALS" : null, null);
            if (refused.blockedUntil() != null) {
                request.getSession().setAttribute(BLOCKED_UNTIL, refused.blockedUntil().toEpochMilli());
            }
        }
        this.redirects.sendRedirect(request, response, checked ? "/signin?error" : "/signin?throttled");
    }
}
