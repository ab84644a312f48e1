package org.orrery.registry;

import java.time.Instant;

/** A registered researcher: the holder of an iD. */
public record Researcher(OrcidId orcid, String givenNames, String familyName, String creditName, String email,
        String passwordHash, Instant createdAt) {

    /** The public display name, as ORCID builds it: the credit name when set, else given and family names. */
    public String displayName() {
        if (this.creditName != null && !this.creditName.isBlank()) {
            return this.creditName;
        }
        return (this.familyName == null || this.familyName.isBlank()) ? this.givenNames
                : this.givenNames + " " + this.familyName;
    }
}
