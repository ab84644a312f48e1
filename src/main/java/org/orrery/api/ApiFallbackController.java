package org.orrery.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any API path no other mapping answers: ORCID's 404 body, or 405 for a write on the read-only public API.
 */
@RestController
class ApiFallbackController {

    @RequestMapping({ "/api/**", "/pub/**" })
    void fallback(HttpServletRequest request) {
        if (ApiRequests.isPublic(request) && !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())) {
            throw new ApiException(OrcidError.methodNotAllowed(request.getMethod()));
        }
        throw new ApiException(OrcidError.notFound(request.getRequestURI()));
    }
}
