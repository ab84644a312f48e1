package org.orrery.notifications;

import java.time.Duration;
import java.util.Locale;

/**
 * How often a researcher is mailed a digest of new notifications (ORCID's {@code SendEmailFrequency}: immediately,
 * daily, weekly, quarterly = 91.31 days, never).
 */
public enum DigestFrequency {

    IMMEDIATELY(Duration.ZERO), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7)),
    QUARTERLY(Duration.ofMinutes(Math.round(91.31 * 24 * 60))), NEVER(null);

    /** What a researcher who never chose gets (ORCID's registration default). */
    public static final DigestFrequency DEFAULT = WEEKLY;

    private final Duration period;

    DigestFrequency(Duration period) {
        this.period = period;
    }

    /** The least time between two digests; null for never. */
    public Duration period() {
        return this.period;
    }

    /** The frequency of a form's value, or null when it names none. */
    public static DigestFrequency parse(String value) {
        if (value == null) {
            return null;
        }
        for (DigestFrequency frequency : values()) {
            if (frequency.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return frequency;
            }
        }
        return null;
    }
}
