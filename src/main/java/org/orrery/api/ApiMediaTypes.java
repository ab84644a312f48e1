package org.orrery.api;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** ORCID's JSON media types and how an {@code Accept} header picks one. */
final class ApiMediaTypes {

    static final MediaType VND_ORCID_JSON = MediaType.parseMediaType("application/vnd.orcid+json");

    static final MediaType ORCID_JSON = MediaType.parseMediaType("application/orcid+json");

    private static final List<MediaType> JSON_TYPES = List.of(VND_ORCID_JSON, ORCID_JSON, MediaType.APPLICATION_JSON);

    private ApiMediaTypes() {
    }

    /** The JSON type to answer with, or null when the caller accepts none of them. */
    static MediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return VND_ORCID_JSON;
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
            for (MediaType offered : JSON_TYPES) {
                if (candidate.includes(offered)) {
                    match = candidate.isConcrete() ? offered : VND_ORCID_JSON;
                    break;
                }
            }
            if (match != null) {
                best = match;
                bestQuality = quality;
            }
        }
        return best;
    }
}
