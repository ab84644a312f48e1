package org.orrery.record;

import java.time.Instant;

/**
 * A verified e-mail address of a researcher's account as their record shows it: the primary one with the
 * visibility of the record settings, any other with its own.
 */
public record AccountEmail(String address, boolean primary, Visibility visibility, Instant addedAt,
        Instant verifiedAt) {
}
