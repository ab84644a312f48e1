package org.orrery.api;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.registry.VersionedResearcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * ORCID's answers for a record that is not active, on reads and writes of both faces (record lifecycle,
 * {@code org.orrery.lifecycle}): deprecated 301/9007 for GET with {@code Location} naming the kept record, 409/9007
 * otherwise; locked 409/9018; deactivated 409/9044. The state comes from the same query that reads the researcher
 * and the record's version, so a change made through any node holds on the next request everywhere.
 */
final class RecordStateRefusal {

    private RecordStateRefusal() {
    }

    static void check(VersionedResearcher found, String baseUrl) {
        if (found.active()) {
            return;
        }
        check(found.researcher().orcid().value(), found.recordState(), found.deprecatedInto(), baseUrl);
    }

    /** Throws the refusal for a record in this state (nothing for ACTIVE). */
    static void check(String orcid, String state, String deprecatedInto, String baseUrl) {
        String uri = baseUrl + "/" + orcid;
        switch (state) {
            case "LOCKED" -> throw new ApiException(OrcidError.locked(uri));
            case "DEACTIVATED" -> throw new ApiException(OrcidError.deactivated(uri));
            case "DEPRECATED" -> deprecated(orcid, deprecatedInto, baseUrl);
            default -> {
                // an unknown state is treated as active: the column only ever holds the four states
            }
        }
    }

    private static void deprecated(String orcid, String kept, String baseUrl) {
        HttpServletRequest request = currentRequest();
        boolean get = request == null || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        OrcidError error = OrcidError.deprecated(get, baseUrl + "/" + kept, baseUrl + "/" + orcid);
        throw new ApiException(error, get && request != null ? location(request, orcid, kept, baseUrl) : null);
    }

    /** The request's URL with the kept iD in place of the deprecated one. */
    static String location(HttpServletRequest request, String orcid, String kept, String baseUrl) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return baseUrl + path.replace("/" + orcid, "/" + kept) + (query == null ? "" : "?" + query);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
