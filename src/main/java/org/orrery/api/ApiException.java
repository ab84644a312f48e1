package org.orrery.api;

/** Ends an API request with ORCID's error body. */
class ApiException extends RuntimeException {

    private final transient OrcidError error;

    ApiException(OrcidError error) {
        super(error.developerMessage(), null, false, false);
        this.error = error;
    }

    OrcidError error() {
        return this.error;
    }
}
