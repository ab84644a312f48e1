package org.orrery.search;

/** A search request that cannot be run as sent (syntax, unknown field, bad parameter): the caller's error. */
public class SearchQueryException extends RuntimeException {

    public SearchQueryException(String message) {
        super(message, null, false, false);
    }

    /** A name from the request, as it may be repeated in an answer: plain word characters, else a placeholder. */
    static String named(String text) {
        return text != null && text.matches("[\\w.-]{1,64}") ? text : "(unreadable)";
    }
}
