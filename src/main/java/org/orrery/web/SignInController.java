package org.orrery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRegistration;
import org.orrery.clients.ClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page, naming the application an authorization request came from, with the reason of the last refusal: a wrong password, or a block and how long it lasts. The form keeps the element ids of ORCID's registry ({@code userId}, {@code password},
 * {@code form-sign-in-button}) so browser automation written against ORCID's sandbox works unchanged; the
 * post itself is handled by Spring Security.
 */
@Controller
class SignInController {

    private final ClientRepository clients;

    SignInController(ClientRepository clients) {
        this.clients = clients;
    }

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
        model.addAttribute("throttleSeconds", throttleSeconds(session));
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        boolean oauth = request.getParameter("oauth") != null;
        model.addAttribute("oauth", oauth);
        String clientName = oauth ? clientName(request.getParameter("client_id")) : null;
        model.addAttribute("clientName", clientName);
        model.addAttribute("clientNameHtml", clientName == null ? null
                : "<strong id=\"signin-client-name\">" + HtmlUtils.htmlEscape(clientName) + "</strong>");
        model.addAttribute("registerLink", registerLink(request));
        return "signin";
    }

    /** The name of the application the authorization request is for, or null when the request names none. */
    private String clientName(String clientId) {
        if (clientId == null || !ClientRegistration.CLIENT_ID.matcher(clientId).matches()) {
            return null;
        }
        return this.clients.findById(clientId).map(ApiClient::name).orElse(null);
    }

    /** The seconds a block that refused a sign-in still lasts ("try again in N seconds"), once; else null. */
    private static Long throttleSeconds(HttpSession session) {
        Object until = session == null ? null : session.getAttribute(SignInFailureHandler.BLOCKED_UNTIL);
        if (until == null) {
            return null;
        }
        session.removeAttribute(SignInFailureHandler.BLOCKED_UNTIL);
        long seconds = (((Long) until) - System.currentTimeMillis() + 999) / 1000;
        if (seconds <= 0) {
            return null;
        }
        return seconds;
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
