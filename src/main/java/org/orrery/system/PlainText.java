package org.orrery.system;

/**
 * What text typed into a form may hold before it is stored: no control characters (line breaks only where the
 * field has several lines), no Unicode non-characters and no unpaired surrogates. PostgreSQL refuses a NUL in
 * text outright, and none of these belongs in a name, an address or a description.
 */
public final class PlainText {

    private PlainText() {
    }

    /** True when the text holds a character that no single-line (or, if allowed, multi-line) field takes. */
    public static boolean hasForbiddenCharacters(String text, boolean multiline) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i++);
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return true;
                }
                continue;
            }
            if (Character.isSurrogate(c) || (c & 0xFFFE) == 0xFFFE || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return true;
            }
        }
        return false;
    }
}
