package org.orrery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, with the reason of the last refusal: a wrong password, or a block and how long it lasts. The form keeps the element ids of ORCID's registry ({@code userId}, {@code password},
 * {@code form-sign-in-button}) so browser automation written against ORCID's sandbox works unchanged; the
 * post itself is handled by Spring Security.
 */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(HttpServletRequest request, HttpSession session, Model model) {
        Object lastUserId = session == null ? null : session.getAttribute(SignInFailureHandler.LAST_USER_ID);
        if (lastUserId != null) {
            session.removeAttribute(SignInFailureHandler.LAST_USER_ID);
        }
        String prefill = lastUserId != null ? lastUserId.toString() : firstNonBlank(request.getParameter("orcid"),
                request.getParameter("email"));
        model.addAttribute("userId", prefill == null ? "" : prefill);
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("throttleMessage", throttleMessage(session));
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        model.addAttribute("oauth", request.getParameter("oauth") != null);
        model.addAttribute("registerLink", registerLink(request));
        return "signin";
    }

    /** "Too many failed attempts; try again in N seconds", once, while the block that refused a sign-in lasts. */
    private static String throttleMessage(HttpSession session) {
        Object until = session == null ? null : session.getAttribute(SignInFailureHandler.BLOCKED_UNTIL);
        if (until == null) {
            return null;
        }
        session.removeAttribute(SignInFailureHandler.BLOCKED_UNTIL);
        long seconds = (((Long) until) - System.currentTimeMillis() + 999) / 1000;
        if (seconds <= 0) {
            return null;
        }
        return "Too many failed attempts; try again in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }

    private static String registerLink(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || query.isEmpty() ? "/register" : "/register?" + query;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
