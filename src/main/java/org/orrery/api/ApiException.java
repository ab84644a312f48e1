package org.orrery.api;

/** Ends an API request with ORCID's error body (and, for a deprecated record's 301, a {@code Location}). */
class ApiException extends RuntimeException {

    private final transient OrcidError error;

    private final String location;

    ApiException(OrcidError error) {
        this(error, null);
    }

    ApiException(OrcidError error, String location) {
        super(error.developerMessage(), null, false, false);
        this.error = error;
        this.location = location;
    }

    OrcidError error() {
        return this.error;
    }

    /** The {@code Location} header to send, or null. */
    String location() {
        return this.location;
    }
}
