package org.orrery.record;

/** The two halves of a record. */
public enum Section {
    /** Names, biography, URLs, emails, addresses, keywords, external identifiers. */
    PERSON,
    /** Works, fundings, affiliations, peer reviews, research resources. */
    ACTIVITY
}
