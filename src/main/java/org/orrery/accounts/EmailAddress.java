package org.orrery.accounts;

import java.time.Instant;

import org.orrery.record.Visibility;

/** One e-mail address of a researcher's account, as the e-mail management page lists it. */
public record EmailAddress(String address, String orcid, boolean verified, boolean primary, Visibility visibility,
        Instant addedAt) {
}
