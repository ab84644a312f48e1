package org.orrery.oauth;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates variants of a registered redirect URI by one to three edits of the kinds that redirect-URI parser
 * differentials are made of (security rule 1 and its bug classes): user-info, extra path, plain and encoded dot
 * segments, {@code ;} parameters, fragments, case changes, percent-encoding of any character, homoglyph and
 * punycode hosts, wildcards, suffix and prefix hosts, ports, schemes, whitespace, queries, backslashes, loopback
 * spellings and stray characters. An edit finds the part it works on in whatever the previous edits left.
 */
final class RedirectUriVariants {

    /** One edit: its kind, its parameter, and what it does to a URI string. */
    record Edit(String kind, String detail, UnaryOperator<String> apply) {

        @Override
        public String toString() {
            return this.kind + "(" + printable(this.detail) + ")";
        }
    }

    /** A registered URI, the edits made to it and the result. */
    record Variant(String registered, List<Edit> edits, String uri) {

        @Override
        public String toString() {
            return printable(this.uri) + " <- " + this.edits.stream().map(Edit::toString)
                .collect(Collectors.joining(", "));
        }
    }

    private static final String SPECIAL = "/?#@:;.%&=+$,[]\\~'\"<>{}|^`!*() ";

    private RedirectUriVariants() {
    }

    /** Variants of one of these registered URIs, each made by one to three edits. */
    static Arbitrary<Variant> of(List<String> registered, Arbitrary<Edit> edits) {
        return Combinators.combine(Arbitraries.of(registered), edits.list().ofMinSize(1).ofMaxSize(3))
            .as((uri, chosen) -> {
                String edited = uri;
                for (Edit edit : chosen) {
                    edited = edit.apply().apply(edited);
                }
                return new Variant(uri, chosen, edited);
            });
    }

    /** Every kind of edit. */
    static Arbitrary<Edit> anyEdit() {
        return Arbitraries.oneOf(List.of(userInfo(), extraPath(), dotSegment(), pathParameter(), fragment(),
                caseChange(), percentEncoding(), homoglyph(), punycodeHost(), wildcard(), otherHost(), port(),
                scheme(), whitespace(), query(), backslash(), loopbackHost(), strayCharacter(), deletion()));
    }

    /** Edits that change the scheme, user-info, host or port, but not the path, query or fragment. */
    static Arbitrary<Edit> authorityEdit() {
        return Arbitraries.oneOf(List.of(userInfo(), hostCaseChange(), hostPercentEncoding(), homoglyph(),
                punycodeHost(), wildcard(), otherHost(), port(), scheme(), loopbackHost()));
    }

    static Arbitrary<Edit> userInfo() {
        Arbitrary<Edit> before = Arbitraries.of("evil.example.com", "client.example.org", "127.0.0.1", "user:pass",
                "a@b", "", "%40", "legacy.example.org")
            .map(info -> new Edit("user-info", info, s -> insert(s, hostStart(s), info + "@")));
        Arbitrary<Edit> after = Arbitraries.of("evil.example.com", "evil.example.com:443", "evil.example.com/")
            .map(evil -> new Edit("host@evil", evil, s -> insert(s, authorityEnd(s), "@" + evil)));
        return Arbitraries.oneOf(before, after);
    }

    static Arbitrary<Edit> extraPath() {
        return Arbitraries.of("/", "/x", "x", "-evil", "/..", "/.", "/%2e%2e", "/%2E", "//", "/callback", ".json",
                "%2f", "/%2fevil.example.com", "/%00")
            .map(tail -> new Edit("extra-path", tail, s -> insert(s, pathEnd(s), tail)));
    }

    static Arbitrary<Edit> dotSegment() {
        return Combinators.combine(Arbitraries.of("/./", "/x/../", "/%2e/", "/x/%2e%2e/", "/x/.%2E/", "/x/%2E./",
                "/x/..;/", "/x/..%2f", "/%2e%2e%2f", "/.;/", "/x/..\\", "/x/%252e%252e/"), index())
            .as((segment, n) -> new Edit("dot-segment", segment + " at /#" + n,
                    s -> replaceSlash(s, n, segment)));
    }

    static Arbitrary<Edit> pathParameter() {
        return Combinators.combine(Arbitraries.of(";", ";jsessionid=x", ";a=b", ";/", "%3b", "%3B/"), index())
            .as((parameter, n) -> new Edit("path-parameter", parameter + " at /#" + n,
                    s -> replaceSlash(s, n, parameter + "/")));
    }

    static Arbitrary<Edit> fragment() {
        return Arbitraries.of("#", "#x", "#code=x", "#/", "#@evil.example.com", "%23")
            .map(fragment -> new Edit("fragment", fragment, s -> s + fragment));
    }

    static Arbitrary<Edit> caseChange() {
        return index().map(n -> new Edit("case", "letter #" + n, s -> flipCase(s, n, 0, s.length())));
    }

    static Arbitrary<Edit> hostCaseChange() {
        return index().map(n -> new Edit("case", "scheme or host letter #" + n, s -> flipCase(s, n, 0,
                authorityEnd(s))));
    }

    static Arbitrary<Edit> percentEncoding() {
        return Combinators.combine(index(), Arbitraries.of(true, false))
            .as((n, upper) -> new Edit("percent-encoding", "char #" + n + (upper ? " upper" : " lower"),
                    s -> encodeChar(s, s.isEmpty() ? 0 : n % s.length(), upper)));
    }

    static Arbitrary<Edit> hostPercentEncoding() {
        return Combinators.combine(index(), Arbitraries.of(true, false))
            .as((n, upper) -> new Edit("percent-encoding", "host char #" + n + (upper ? " upper" : " lower"),
                    s -> {
                        int start = hostStart(s);
                        int length = hostEnd(s) - start;
                        return length <= 0 ? s : encodeChar(s, start + n % length, upper);
                    }));
    }

    static Arbitrary<Edit> homoglyph() {
        return index().map(n -> new Edit("homoglyph", "host char #" + n, s -> lookalike(s, n)));
    }

    static Arbitrary<Edit> punycodeHost() {
        return index().map(n -> new Edit("punycode", "host char #" + n, s -> {
            String changed = lookalike(s, n);
            int start = hostStart(changed);
            int end = hostEnd(changed);
            try {
                return changed.substring(0, start) + IDN.toASCII(changed.substring(start, end))
                        + changed.substring(end);
            }
            catch (IllegalArgumentException ex) {
                return changed;
            }
        }));
    }

    static Arbitrary<Edit> wildcard() {
        return Arbitraries.of("host*", "*.host", "*host", "end*", "label*")
            .map(where -> new Edit("wildcard", where, s -> switch (where) {
                case "host*" -> insert(s, hostEnd(s), "*");
                case "*.host" -> insert(s, hostStart(s), "*.");
                case "*host" -> insert(s, hostStart(s), "*");
                case "end*" -> s + "*";
                default -> {
                    int start = hostStart(s);
                    int dot = s.indexOf('.', start);
                    yield dot < 0 || dot > hostEnd(s) ? s : s.substring(0, start) + "*" + s.substring(dot);
                }
            }));
    }

    static Arbitrary<Edit> otherHost() {
        Arbitrary<Edit> suffix = Arbitraries.of(".evil.example.com", "evil.example.com", ".", "-evil.example.com",
                ".example.org", "%2eevil.example.com", "\u3002evil.example.com")
            .map(tail -> new Edit("suffix-host", tail, s -> insert(s, hostEnd(s), tail)));
        Arbitrary<Edit> prefix = Arbitraries.of("evil.", "evil", "www.", "evil-", "client.example.org.")
            .map(head -> new Edit("prefix-host", head, s -> insert(s, hostStart(s), head)));
        Arbitrary<Edit> replaced = Arbitraries.of("evil.example.com", "example.org", "client.example.com", "")
            .map(host -> new Edit("other-host", host, s -> s.substring(0, hostStart(s)) + host
                    + s.substring(hostEnd(s))));
        return Arbitraries.oneOf(suffix, prefix, replaced);
    }

    static Arbitrary<Edit> port() {
        Arbitrary<String> odd = Arbitraries.of("443", "80", "8443", "0", "", "65536", "99999", "0080", "+80", "-1",
                "80a", "1e3", ":80", " 80", "8080 ", "00000000000000000443", "4294967376");
        Arbitrary<String> valid = Arbitraries.integers().between(1, 65535).map(String::valueOf);
        return Arbitraries.oneOf(odd, valid)
            .map(port -> new Edit("port", port, s -> insert(s, hostEnd(s), ":" + port)));
    }

    static Arbitrary<Edit> scheme() {
        return Arbitraries.of("http://", "https://", "HTTPS://", "Http://", "hTTps://", "javascript://", "JavaScript:",
                "data://", "ftp://", "ws://", "//", "https:/", "https:///", "https:\\\\", "http:", " https://",
                "https%3a//", "http\t://")
            .map(scheme -> new Edit("scheme", scheme, s -> {
                int end = s.indexOf("://");
                return end < 0 ? scheme + s : scheme + s.substring(end + 3);
            }));
    }

    static Arbitrary<Edit> whitespace() {
        return Combinators.combine(Arbitraries.of(" ", "\t", "\n", "\r", "\r\n", "\u000b", "\u000c", "\u00a0",
                "\u200b", "\u3000", "\ufeff", "\u0000", "%20", "%09", "%0a", "%0d", "%00", "+"), index(),
                Arbitraries.of("start", "end", "inside"))
            .as((space, n, where) -> new Edit("whitespace", space + " " + where + (where.equals("inside") ? " #" + n
                    : ""), s -> switch (where) {
                        case "start" -> space + s;
                        case "end" -> s + space;
                        default -> insert(s, n % (s.length() + 1), space);
                    }));
    }

    static Arbitrary<Edit> query() {
        return Arbitraries.of("?", "?x=1", "&x=1", "?tenant=a", "?tenant=b", "&tenant=a", "&tenant=b", "&",
                "?next=https://evil.example.com", "?code=x", "%3fx=1")
            .map(query -> new Edit("query", query, s -> s + query));
    }

    static Arbitrary<Edit> backslash() {
        return index().map(n -> new Edit("backslash", "/#" + n, s -> {
            int count = (int) s.chars().filter(c -> c == '/').count();
            return count == 0 ? s : replaceNthChar(s, '/', n % count, "\\");
        }));
    }

    static Arbitrary<Edit> loopbackHost() {
        return Arbitraries.of("localhost", "LOCALHOST", "127.1", "127.0.0.01", "0x7f.0.0.1", "2130706433", "[::1]",
                "[::ffff:127.0.0.1]", "127.0.0.2", "0177.0.0.1", "127.0.0.1.", "[0:0:0:0:0:0:0:1]", "127.000.0.1",
                "127.0.0.1%00", "127.0.0.1%2f")
            .map(host -> new Edit("loopback-host", host, s -> s.substring(0, hostStart(s)) + host
                    + s.substring(hostEnd(s))));
    }

    static Arbitrary<Edit> strayCharacter() {
        return Combinators.combine(Arbitraries.of(SPECIAL.chars().mapToObj(c -> String.valueOf((char) c)).toList()),
                index())
            .as((c, n) -> new Edit("stray-char", c + " at #" + n, s -> insert(s, n % (s.length() + 1), c)));
    }

    static Arbitrary<Edit> deletion() {
        Arbitrary<Edit> delete = index().map(n -> new Edit("delete", "char #" + n,
                s -> s.isEmpty() ? s : s.substring(0, n % s.length()) + s.substring(n % s.length() + 1)));
        Arbitrary<Edit> duplicate = index().map(n -> new Edit("duplicate", "char #" + n,
                s -> s.isEmpty() ? s : insert(s, n % s.length(), String.valueOf(s.charAt(n % s.length())))));
        return Arbitraries.oneOf(delete, duplicate);
    }

    private static Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 999);
    }

    /** Where the host starts: after {@code scheme://} and any user-info. */
    static int hostStart(String s) {
        int slashes = s.indexOf("://");
        int start = slashes < 0 ? 0 : slashes + 3;
        int at = s.lastIndexOf('@', authorityEnd(s) - 1);
        return at >= start ? at + 1 : start;
    }

    /** Where the host ends: before the port, path, query or fragment. */
    static int hostEnd(String s) {
        int start = hostStart(s);
        int end = authorityEnd(s);
        if (start < s.length() && s.charAt(start) == '[') {
            int close = s.indexOf(']', start);
            return close < 0 || close >= end ? end : close + 1;
        }
        int colon = s.indexOf(':', start);
        return colon < 0 || colon >= end ? end : colon;
    }

    static int authorityEnd(String s) {
        int slashes = s.indexOf("://");
        int start = slashes < 0 ? 0 : slashes + 3;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return s.length();
    }

    /** Where the path ends: before the query or fragment. */
    static int pathEnd(String s) {
        for (int i = authorityEnd(s); i < s.length(); i++) {
            if (s.charAt(i) == '?' || s.charAt(i) == '#') {
                return i;
            }
        }
        return s.length();
    }

    private static String insert(String s, int at, String text) {
        return s.substring(0, at) + text + s.substring(at);
    }

    /** Replaces the n-th slash of the path (modulo their number) with the text; appends it if there is none. */
    private static String replaceSlash(String s, int n, String text) {
        int start = authorityEnd(s);
        int end = pathEnd(s);
        int count = (int) s.substring(start, end).chars().filter(c -> c == '/').count();
        if (count == 0) {
            return insert(s, end, text);
        }
        int seen = -1;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == '/' && ++seen == n % count) {
                return s.substring(0, i) + text + s.substring(i + 1);
            }
        }
        return s;
    }

    private static String replaceNthChar(String s, char target, int n, String text) {
        int seen = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == target && ++seen == n) {
                return s.substring(0, i) + text + s.substring(i + 1);
            }
        }
        return s;
    }

    /** Flips the case of the n-th letter (modulo their number) between from and to. */
    private static String flipCase(String s, int n, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            letters += Character.isLetter(s.charAt(i)) ? 1 : 0;
        }
        if (letters == 0) {
            return s;
        }
        int seen = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && ++seen == n % letters) {
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return s.substring(0, i) + flipped + s.substring(i + 1);
            }
        }
        return s;
    }

    /** Writes the character at this index as percent-encoded UTF-8 octets. */
    private static String encodeChar(String s, int at, boolean upper) {
        if (s.isEmpty()) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(at)) && at + 1 < s.length() ? at + 2 : at + 1;
        StringBuilder encoded = new StringBuilder();
        for (byte b : s.substring(at, end).getBytes(StandardCharsets.UTF_8)) {
            String hex = String.format("%%%02X", b & 0xff);
            encoded.append(upper ? hex : hex.toLowerCase(Locale.ROOT));
        }
        return s.substring(0, at) + encoded + s.substring(end);
    }

    private static final String PLAIN = "aceopxiyl.1s";

    private static final String LOOKALIKE = "\u0430\u0441\u0435\u043e\u0440\u0445\u0456\u0443\u04cf\uff0e\uff11\u0455";

    /** Replaces the n-th host character that has a look-alike (modulo their number) with it. */
    private static String lookalike(String s, int n) {
        int start = hostStart(s);
        int end = hostEnd(s);
        int candidates = 0;
        for (int i = start; i < end; i++) {
            candidates += PLAIN.indexOf(s.charAt(i)) >= 0 ? 1 : 0;
        }
        if (candidates == 0) {
            return s;
        }
        int seen = -1;
        for (int i = start; i < end; i++) {
            int which = PLAIN.indexOf(s.charAt(i));
            if (which >= 0 && ++seen == n % candidates) {
                return s.substring(0, i) + LOOKALIKE.charAt(which) + s.substring(i + 1);
            }
        }
        return s;
    }

    /** Control and invisible characters written as escapes, so that a report can be read. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || Character.getType(c) == Character.FORMAT
                    || Character.isSpaceChar(c) && c != ' ') {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
