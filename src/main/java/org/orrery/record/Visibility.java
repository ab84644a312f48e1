package org.orrery.record;

import java.util.Locale;

/** Who may see a record item (ORCID's {@code common:visibility}); the wire form is lower case with a dash. */
public enum Visibility {

    PUBLIC("public", "Everyone"),

    LIMITED("limited", "Trusted parties"),

    REGISTERED_ONLY("registered-only", "Registered users"),

    PRIVATE("private", "Only me");

    private final String orcidName;

    private final String label;

    Visibility(String orcidName, String label) {
        this.orcidName = orcidName;
        this.label = label;
    }

    /** The wire form: {@code public}, {@code limited}, {@code registered-only} or {@code private}. */
    public String orcidName() {
        return this.orcidName;
    }

    /** How the record editor names it. */
    public String label() {
        return this.label;
    }

    /** Parses the wire form (upper case and underscores are tolerated, as ORCID's 2.0 JSON used them). */
    public static Visibility parse(String text) {
        if (text != null) {
            String normalized = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Visibility visibility : values()) {
                if (visibility.orcidName.equals(normalized)) {
                    return visibility;
                }
            }
        }
        throw new IllegalArgumentException("visibility must be public, limited, registered-only or private");
    }
}
