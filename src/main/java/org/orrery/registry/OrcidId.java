package org.orrery.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ORCID iD: sixteen characters in four groups, the last one an ISO 7064 MOD 11-2 check
 * character (a digit or {@code X}).
 */
public final class OrcidId {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    private final String value;

    private OrcidId(String value) {
        this.value = value;
    }

    /** Parses a hyphenated iD, checking both its format and its check character. */
    public static OrcidId parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("An ORCID iD has the form 0000-0000-0000-000X");
        }
        String digits = text.replace("-", "");
        if (checkCharacter(digits.substring(0, 15)) != digits.charAt(15)) {
            throw new IllegalArgumentException("The check character of " + text + " is wrong");
        }
        return new OrcidId(text);
    }

    /** True when the text is a well-formed iD with a correct check character. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** Builds the iD whose first fifteen digits are given, appending the check character. */
    static OrcidId fromBaseDigits(String fifteenDigits) {
        String all = fifteenDigits + checkCharacter(fifteenDigits);
        return new OrcidId(all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-"
                + all.substring(12));
    }

    /** ISO 7064 MOD 11-2 over the base digits. */
    static char checkCharacter(String baseDigits) {
        int total = 0;
        for (int i = 0; i < baseDigits.length(); i++) {
            total = (total + Character.digit(baseDigits.charAt(i), 10)) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : Character.forDigit(result, 10);
    }

    public String value() {
        return this.value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrcidId id && id.value.equals(this.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.value);
    }

    @Override
    public String toString() {
        return this.value;
    }
}
