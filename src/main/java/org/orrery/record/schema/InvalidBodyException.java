package org.orrery.record.schema;

/** An incoming item that does not fit the schema; the message names the field. */
public class InvalidBodyException extends RuntimeException {

    private final String field;

    public InvalidBodyException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return this.field;
    }
}
