package org.orrery.search;

/** A search request that cannot be run as sent (syntax, unknown field, bad parameter): the caller's error. */
public class SearchQueryException extends RuntimeException {

    public SearchQueryException(String message) {
        super(message, null, false, false);
    }
}
