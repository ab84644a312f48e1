package org.orrery.twofactor;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The half-way state of a sign-in with two-factor on: the password was right, the code is still to come. The
 * researcher is not signed in (the security context stays empty, so no page, no consent and no authorization
 * answers them as signed in); the session only remembers whose code the code page waits for, for five minutes.
 * The request that sent them to sign in (an authorization request, say) stays saved and is resumed after the code.
 */
public final class TwoFactorSignIn {

    /** The code page. */
    public static final String PAGE = "/signin/two-factor";

    static final String PENDING = "orrery.twofactor.pending";

    static final long PENDING_MILLIS = 5 * 60 * 1000L;

    /** The repository the registry's pages keep their security context in. */
    static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private TwoFactorSignIn() {
    }

    /**
     * After a right password for a researcher with two-factor on: undoes the sign-in, remembers whose code is
     * awaited and sends the browser (303) to the code page.
     */
    public static void awaitCode(HttpServletRequest request, HttpServletResponse response, String orcid,
            RedirectStrategy redirects) throws IOException {
        var empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.clearContext();
        CONTEXTS.saveContext(empty, request, response);
        request.getSession().setAttribute(PENDING, orcid + "|" + (System.currentTimeMillis() + PENDING_MILLIS));
        redirects.sendRedirect(request, response, PAGE);
    }

    /** The iD whose code is awaited in this session, or null (none, or waited too long). */
    static String pendingOrcid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PENDING);
        if (!(pending instanceof String text) || text.indexOf('|') < 0) {
            return null;
        }
        String orcid = text.substring(0, text.indexOf('|'));
        long until = Long.parseLong(text.substring(text.indexOf('|') + 1));
        if (until < System.currentTimeMillis()) {
            session.removeAttribute(PENDING);
            return null;
        }
        return orcid;
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }
}
