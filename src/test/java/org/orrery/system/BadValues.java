package org.orrery.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The catalogue the corpus draws on: parameter values (percent-encoded as they go on the wire), header variants,
 * and malformed JSON and XML bodies. A value is {@code strict} when no field may accept it (control characters,
 * invalid UTF-8, oversized text), so that a form that would store it must refuse it.
 */
final class BadValues {

    /** A value as it is sent (percent-encoded) and whether every field must refuse it. */
    record Value(String label, String encoded, boolean strict) {
    }

    static final String XSS = "<script>alert('orrery-xss')</script>";

    static final String XSS_ATTRIBUTE = "\"'><img src=x onerror=alert('orrery-xss')>";

    static final List<Value> VALUES = List.of(
            plain("empty", "", false),
            plain("blank", "   ", false),
            plain("tab-newline", "\t\r\n", false),
            plain("nul", "\u0000", true),
            plain("nul-inside", "a\u0000b", true),
            plain("controls", "x\u0007\u001b[31m\u007f", true),
            plain("crlf-injection", "x\r\nX-Injected: 1", false),
            plain("xss", XSS, false),
            plain("xss-attribute", XSS_ATTRIBUTE, false),
            plain("sql-quote", "' OR '1'='1' --", false),
            plain("sql-drop", "1; DROP TABLE researcher; --", false),
            plain("template", "${7*7}#{7*7}__${T(x)}__::x{{7*7}}", false),
            plain("format", "%s%n%x%d", false),
            plain("traversal", "../../../../etc/passwd", false),
            plain("huge-number", "99999999999999999999999999", false),
            plain("negative", "-1", false),
            plain("float", "1e309", false),
            plain("json", "{\"a\":[1,{}]}", false),
            plain("null-word", "null", false),
            plain("bidi-override", "\u202egnp.exe", false),
            plain("emoji", "\uD83D\uDE00", false),
            plain("fullwidth", "\uFF21\uFF30\uFF30\uFF0D\uFF10", false),
            plain("zero-width", "\uFEFF\u200B", false),
            plain("noncharacters", "\uFFFF\uFFFE", true),
            plain("long-100", "p".repeat(100), false),
            plain("long-2k", "x".repeat(2_000), false),
            plain("long-20k", "y".repeat(20_000), true),
            raw("lone-percent", "%", false),
            raw("bad-hex", "%zz%G0", false),
            raw("invalid-utf8", "%FF%FE", true),
            raw("truncated-utf8", "%C3", true),
            raw("invalid-utf8-sequence", "%C3%28", true),
            raw("surrogate-utf8", "%ED%A0%80", true),
            raw("overlong-utf8", "%C0%AF%C0%AE", true),
            raw("plus-signs", "+%2B+", false));

    /** The values besides the strict ones that a light endpoint is sent. */
    static final Set<String> SAMPLE = Set.of("xss", "long-2k", "lone-percent");

    /** Every tenth header variant, for a light endpoint. */
    static List<List<String[]>> sample(List<List<String[]>> variants) {
        List<List<String[]>> sample = new ArrayList<>();
        for (int i = 0; i < variants.size(); i += 10) {
            sample.add(variants.get(i));
        }
        return sample;
    }

    /** Header variants: each replaces the request's header of the same name (several entries: a repeat). */
    static List<List<String[]>> headerVariants(String validAuthorization) {
        List<List<String[]>> variants = new ArrayList<>();
        for (String accept : List.of("", "garbage", "*/*;q=abc", "application/xml", "text/html",
                "application/vnd.orcid+xml", "a/b/c", ";;,,", "*/*;q=0", "application/json;q=0",
                "application/json;charset=nope", "x".repeat(6_000))) {
            variants.add(List.<String[]>of(new String[] { "Accept", accept }));
        }
        for (String type : List.of("garbage", "application/x-www-form-urlencoded; charset=no-such-charset",
                "application/x-www-form-urlencoded; charset=UTF-16", "multipart/form-data",
                "multipart/form-data; boundary=xyz", "application/json", "text/xml", "", ";")) {
            variants.add(List.<String[]>of(new String[] { "Content-Type", type }));
        }
        for (String authorization : List.of("", "Basic", "Basic !!!", basic("no-colon"), basic(":"),
                "Basic " + Base64.getEncoder()
                    .encodeToString(new byte[] { (byte) 0xff, (byte) 0xfe, ':', (byte) 0xff }),
                basic("%zz:%"), basic("APP-TEST000000000001:" + "s".repeat(5_000)), "Bearer", "Bearer ",
                "Bearer a b c", "Bearer " + "t".repeat(5_000), "Bearer \u00ff\u00fe", "Bearer ../../x",
                "Negotiate YII=", "Digest username=x")) {
            variants.add(List.<String[]>of(new String[] { "Authorization", authorization }));
        }
        variants.add(List.of(new String[] { "Authorization", validAuthorization },
                new String[] { "Authorization", "Bearer garbage" }));
        variants.add(List.of(new String[] { "Accept", "application/json" }, new String[] { "Accept", "text/html" }));
        variants.add(List.of(new String[] { "Content-Type", "application/x-www-form-urlencoded" },
                new String[] { "Content-Type", "application/json" }));
        for (String cookie : List.of("SESSION=garbage", "SESSION=%00%00", "SESSION=" + "A".repeat(3_000),
                "SESSION=; SESSION=x", "\u00ff=\u00fe", "JSESSIONID=x")) {
            variants.add(List.<String[]>of(new String[] { "Cookie", cookie }));
        }
        for (String[] other : List.of(new String[] { "Origin", "null" },
                new String[] { "X-Requested-With", "XMLHttpRequest" },
                new String[] { "Accept-Language", "garbage;q=x,,*;q=2" },
                new String[] { "Accept-Charset", "no-such-charset" },
                new String[] { "If-Modified-Since", "garbage" }, new String[] { "Range", "bytes=garbage" },
                new String[] { "X-Garbage", "\u00ff\u00fe\u0080" })) {
            variants.add(List.<String[]>of(other));
        }
        return variants;
    }

    /** Malformed or hostile JSON bodies for API writes. */
    static List<Value> jsonBodies() {
        return List.of(body("empty", ""), body("open-brace", "{"), body("array", "[]"), body("null", "null"),
                body("string", "\"work\""), body("number", "1e999999"),
                body("wrong-types", "{\"put-code\":\"abc\",\"title\":{\"title\":{\"value\":123}},\"type\":[]}"),
                body("unknown-fields", "{\"no-such-field\":1,\"visibility\":\"nope\"}"),
                body("put-code-huge", "{\"put-code\":99999999999999999999999}"),
                body("deep-nesting", "[".repeat(100_000) + "]".repeat(100_000)),
                body("deep-objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
                body("huge-string", "{\"title\":{\"title\":{\"value\":\"" + "z".repeat(1_000_000) + "\"}}}"),
                body("duplicate-keys", "{\"type\":\"journal-article\",\"type\":\"book\"}"),
                body("bom", "\uFEFF{}"), body("lone-surrogate-escape", "{\"title\":\"\\uD800\"}"),
                body("comments-and-trailing-comma", "/* x */ {\"a\":1,}"), body("nan", "{\"a\":NaN}"),
                body("xml-as-json", "<work/>"),
                body("nul-in-title", "{\"title\":{\"title\":{\"value\":\"a\\u0000b\"}},\"type\":\"journal-article\"}"),
                body("controls-in-title", "{\"title\":{\"title\":{\"value\":\"a\\u0007\\u001b[31mb\"}},"
                        + "\"type\":\"journal-article\"}"),
                body("nul-in-content", "{\"content\":\"a\\u0000b\"}"),
                bytes("invalid-utf8", new byte[] { '{', '"', (byte) 0xff, '"', ':',
                    '1', '}' }));
    }

    /** Malformed or hostile XML bodies for API writes (XXE, entity expansion, DTDs: security rule 12). */
    static List<Value> xmlBodies() {
        String work = "<work:work xmlns:work=\"http://www.orcid.org/ns/work\">";
        return List.of(body("empty", ""), body("unclosed", work), body("no-namespace", "<work><title/></work>"),
                body("wrong-root", "<person xmlns=\"http://www.orcid.org/ns/person\"/>"),
                body("xxe-file", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + work + "<work:title>&x;</work:title></work:work>"),
                body("xxe-url", "<?xml version=\"1.0\"?><!DOCTYPE w SYSTEM \"http://127.0.0.1:1/x.dtd\">" + work
                        + "</work:work>"),
                body("billion-laughs", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>" + work + "&d;</work:work>"),
                body("deep-nesting", "<a>".repeat(50_000) + "</a>".repeat(50_000)),
                body("huge-attribute", "<work:work xmlns:work=\"http://www.orcid.org/ns/work\" put-code=\""
                        + "9".repeat(100_000) + "\"/>"),
                body("unclosed-cdata", work + "<![CDATA[x</work:work>"),
                body("processing-instruction", "<?xml-stylesheet href=\"http://127.0.0.1:1/x\"?>" + work
                        + "</work:work>"),
                body("declared-utf16", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + work + "</work:work>"),
                body("json-as-xml", "{\"title\":1}"),
                bytes("invalid-utf8", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + work + "<work:title>")
                    .concat("\u00ff\u00fe</work:title></work:work>").getBytes(StandardCharsets.ISO_8859_1)));
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Value plain(String label, String value, boolean strict) {
        return new Value(label, encode(value), strict);
    }

    private static Value raw(String label, String encoded, boolean strict) {
        return new Value(label, encoded, strict);
    }

    /** A body: the label, and the text (ISO-8859-1 for bytes, UTF-8 for text) kept as an ISO-8859-1 string. */
    private static Value body(String label, String text) {
        return new Value(label, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                true);
    }

    private static Value bytes(String label, byte[] bytes) {
        return new Value(label, new String(bytes, StandardCharsets.ISO_8859_1), true);
    }

    private BadValues() {
    }
}
