package org.orrery.api;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * ORCID's media types and how a request picks one. With no {@code Accept} header (or only {@code *}{@code /*})
 * the answer takes the request's own {@code Content-Type} when it is one of these, else
 * {@code application/vnd.orcid+xml}, as ORCID's {@code AcceptFilter} does.
 */
final class ApiMediaTypes {

    static final MediaType VND_ORCID_XML = MediaType.parseMediaType("application/vnd.orcid+xml");

    static final MediaType VND_ORCID_JSON = MediaType.parseMediaType("application/vnd.orcid+json");

    static final MediaType ORCID_XML = MediaType.parseMediaType("application/orcid+xml");

    static final MediaType ORCID_JSON = MediaType.parseMediaType("application/orcid+json");

    /** In ORCID's order of preference. */
    static final List<MediaType> OFFERED = List.of(VND_ORCID_XML, VND_ORCID_JSON, ORCID_XML, ORCID_JSON,
            MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON);

    private ApiMediaTypes() {
    }

    /** The type to answer with, or null when the caller accepts none of ORCID's types (406). */
    static MediaType negotiate(String accept, String contentType) {
        MediaType fallback = supported(contentType);
        if (fallback == null) {
            fallback = VND_ORCID_XML;
        }
        if (accept == null || accept.isBlank()) {
            return fallback;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        }
        catch (InvalidMediaTypeException ex) {
            return null;
        }
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType candidate : accepted) {
            double quality = candidate.getQualityValue();
            if (quality <= bestQuality) {
                continue;
            }
            MediaType match = null;
            if (candidate.isWildcardType()) {
                match = fallback;
            }
            else if (candidate.isWildcardSubtype()) {
                match = candidate.includes(fallback) ? fallback : null;
            }
            else {
                match = offered(candidate);
            }
            if (match != null) {
                best = match;
                bestQuality = quality;
            }
        }
        return best;
    }

    /** One of ORCID's types when the header names one (parameters ignored), else null. */
    static MediaType supported(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return offered(MediaType.parseMediaType(contentType));
        }
        catch (InvalidMediaTypeException ex) {
            return null;
        }
    }

    static boolean isJson(MediaType type) {
        return type.getSubtype().endsWith("json");
    }

    private static MediaType offered(MediaType candidate) {
        for (MediaType offered : OFFERED) {
            if (offered.getType().equalsIgnoreCase(candidate.getType())
                    && offered.getSubtype().equalsIgnoreCase(candidate.getSubtype())) {
                return offered;
            }
        }
        return null;
    }
}
