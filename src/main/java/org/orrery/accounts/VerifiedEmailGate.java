package org.orrery.accounts;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Until a researcher's primary address is verified, adding an item on the record editor and registering a
 * developer-tools client are refused with a page that says why and offers to resend the link (ORCID wave 2 §5.1).
 * Names, settings, addresses, authorizing applications and the API are never gated.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedEmailGate implements WebMvcConfigurer {

    static final String REFUSED = "/account/email-verification-required";

    private final EmailAddresses addresses;

    VerifiedEmailGate(EmailAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Gate()).addPathPatterns("/my-orcid/record/items/*", "/developer-tools");
    }

    /** Whether the request adds an item or registers a client (not changing or deleting one). */
    static boolean gated(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/developer-tools")
                || (path.startsWith("/my-orcid/record/items/") && !path.substring(23).matches("[0-9].*"));
    }

    private final class Gate implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            Principal principal = request.getUserPrincipal();
            if (principal == null || !gated(request) || addresses.primaryVerified(principal.getName())) {
                return true;
            }
            request.getRequestDispatcher(REFUSED).forward(request, response);
            return false;
        }
    }
}
