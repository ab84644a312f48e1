package org.orrery.admin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.twofactor.SecondFactor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets only operators into the console pages ({@code /admin/...}; the token-protected JSON endpoints
 * {@code /admin/audit-events} and {@code /admin/mail-outbox} keep their own check). A signed-in researcher without
 * the role gets a 403 page; with {@code orrery.admin.require-two-factor} (default true), an operator without
 * two-factor sign-in on gets a 403 page that says to turn it on. The role is read from the database on every
 * request, so a grant or withdrawal holds at once on every node.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer, HandlerInterceptor {

    static final String REFUSAL = AdminAccess.class.getName() + ".refusal";

    private final Operators operators;

    private final SecondFactor secondFactor;

    private final boolean requireTwoFactor;

    AdminAccess(Operators operators, SecondFactor secondFactor,
            @Value("${orrery.admin.require-two-factor:true}") boolean requireTwoFactor) {
        this.operators = operators;
        this.secondFactor = secondFactor;
        this.requireTwoFactor = requireTwoFactor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
            .addPathPatterns("/admin", "/admin/**")
            .excludePathPatterns("/admin/audit-events", "/admin/mail-outbox", "/admin/mail-outbox/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if ("OPTIONS".equals(request.getMethod())) {
            return true; // answered by the framework with the allowed methods only, as on every other page
        }
        Principal principal = request.getUserPrincipal();
        String refusal = null;
        if (principal == null || !this.operators.isOperator(principal.getName())) {
            refusal = "not-operator";
        }
        else if (this.requireTwoFactor && !this.secondFactor.enabledFor(principal.getName())) {
            refusal = "two-factor";
        }
        if (refusal == null) {
            return true;
        }
        request.setAttribute(REFUSAL, refusal);
        response.setStatus(403);
        request.getRequestDispatcher("/admin-refused").forward(request, response);
        return false;
    }
}
