package org.orrery.record;

/** The numeric identifier of one item within a record (ORCID's {@code put-code}). */
public record PutCode(long value) {

    public PutCode {
        if (value <= 0) {
            throw new IllegalArgumentException("put-code must be a positive number");
        }
    }

    /**
     * Parses a put-code from a URL segment or a body; null when it is not a positive number written in ASCII
     * digits (other scripts' digits, which {@link Long#parseLong} would accept, name no put-code).
     */
    public static PutCode parseOrNull(String text) {
        if (text == null || text.isBlank() || text.length() > 18) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        long value = Long.parseLong(text);
        return value > 0 ? new PutCode(value) : null;
    }

    @Override
    public String toString() {
        return Long.toString(this.value);
    }
}
