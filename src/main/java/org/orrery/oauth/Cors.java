package org.orrery.oauth;

import org.springframework.http.ResponseEntity;

/** ORCID's CORS rule for its OpenID endpoints: the caller's origin is echoed, any origin. */
final class Cors {

    private Cors() {
    }

    static ResponseEntity.BodyBuilder allowing(String origin) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if (origin != null && !origin.isBlank()) {
            builder.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
        }
        return builder;
    }
}
