package org.orrery.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain-text mail part cut into plain runs and web links, so a page can show the links clickable, escaped. */
final class SandboxMailText {

    /** A run of text; {@code link} is true when it is an http(s) URL. */
    record Segment(String text, boolean link) {
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private SandboxMailText() {
    }

    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                segments.add(new Segment(text.substring(at, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(), true));
            at = matcher.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false));
        }
        return segments;
    }
}
