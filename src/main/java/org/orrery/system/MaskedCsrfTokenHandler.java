package org.orrery.system;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked (XOR) CSRF tokens, with one difference: a tampered token whose unmasked bytes are not
 * UTF-8 is treated as a wrong token, so the form post is refused with 403. The stock handler throws on such a
 * token, which turns a forged post into a server error (500).
 */
public final class MaskedCsrfTokenHandler implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        this.masked.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        try {
            return this.masked.resolveCsrfTokenValue(request, csrfToken);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
