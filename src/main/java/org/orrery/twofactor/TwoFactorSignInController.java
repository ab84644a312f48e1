package org.orrery.twofactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The code page of a sign-in with two-factor on ({@link TwoFactorSignIn}); its form posts to
 * {@link TwoFactorSignInFilter}. Without a sign-in awaiting a code, it sends the browser to the sign-in page.
 */
@Controller
class TwoFactorSignInController {

    @GetMapping(TwoFactorSignIn.PAGE)
    String page(HttpServletRequest request, Model model) {
        if (TwoFactorSignIn.pendingOrcid(request) == null) {
            return "redirect:/signin";
        }
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("waitSeconds", waitSeconds(request.getSession(false)));
        return "account/two-factor-signin";
    }

    /** Seconds left of the block that refused the last code, once; null when none. */
    private static Long waitSeconds(HttpSession session) {
        Object until = session == null ? null : session.getAttribute(TwoFactorSignInFilter.BLOCKED_UNTIL);
        if (!(until instanceof Long millis)) {
            return null;
        }
        session.removeAttribute(TwoFactorSignInFilter.BLOCKED_UNTIL);
        long seconds = (millis - System.currentTimeMillis() + 999) / 1000;
        return seconds <= 0 ? null : seconds;
    }
}
