package org.orrery.record;

/** A write that the record's rules refuse; the API maps each rule to ORCID's error code. */
public class RecordRuleException extends RuntimeException {

    /** The rules a write can break. */
    public enum Rule {
        /** No such item on this record (ORCID 9016). */
        NOT_FOUND,
        /** Only the item's source may change it (ORCID 9010). */
        NOT_SOURCE,
        /** The same source already added an activity with these external identifiers (ORCID 9021). */
        DUPLICATE,
        /** A client may not change an item's visibility (ORCID 9035). */
        VISIBILITY_CHANGE,
        /** A peer review names a group that does not exist (ORCID 400/9020). */
        UNKNOWN_GROUP
    }

    private final Rule rule;

    private final transient ItemType type;

    public RecordRuleException(Rule rule, ItemType type, String message) {
        super(message);
        this.rule = rule;
        this.type = type;
    }

    public Rule rule() {
        return this.rule;
    }

    public ItemType type() {
        return this.type;
    }
}
