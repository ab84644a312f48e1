package org.orrery.record;

import java.time.Instant;

/**
 * Record-wide settings: the visibility new items get, and the visibility of the name, the biography and the
 * account's primary email, which are not items.
 */
public record RecordSettings(String orcid, Visibility defaultVisibility, Visibility nameVisibility,
        Visibility emailVisibility, String biography, Visibility biographyVisibility, Instant biographyCreatedAt,
        Instant biographyModifiedAt, Instant modifiedAt) {

    /** What a record has before its researcher changes anything: public items, public name, private email. */
    public static RecordSettings defaults(String orcid, Instant createdAt) {
        return new RecordSettings(orcid, Visibility.PUBLIC, Visibility.PUBLIC, Visibility.PRIVATE, null,
                Visibility.PUBLIC, null, null, createdAt);
    }

    public boolean hasBiography() {
        return this.biography != null && !this.biography.isBlank();
    }

    public RecordSettings withDefaultVisibility(Visibility visibility, Instant now) {
        return new RecordSettings(this.orcid, visibility, this.nameVisibility, this.emailVisibility, this.biography,
                this.biographyVisibility, this.biographyCreatedAt, this.biographyModifiedAt, now);
    }

    public RecordSettings withNameVisibility(Visibility visibility, Instant now) {
        return new RecordSettings(this.orcid, this.defaultVisibility, visibility, this.emailVisibility,
                this.biography, this.biographyVisibility, this.biographyCreatedAt, this.biographyModifiedAt, now);
    }

    public RecordSettings withEmailVisibility(Visibility visibility, Instant now) {
        return new RecordSettings(this.orcid, this.defaultVisibility, this.nameVisibility, visibility,
                this.biography, this.biographyVisibility, this.biographyCreatedAt, this.biographyModifiedAt, now);
    }

    public RecordSettings withBiography(String text, Visibility visibility, Instant now) {
        String cleaned = text == null || text.isBlank() ? null : text.trim();
        Instant created = cleaned == null ? null : (this.biographyCreatedAt != null ? this.biographyCreatedAt : now);
        return new RecordSettings(this.orcid, this.defaultVisibility, this.nameVisibility, this.emailVisibility,
                cleaned, visibility, created, cleaned == null ? null : now, now);
    }
}
