package org.orrery.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.orrery.system.BadInput.Expect;

/**
 * Malformed HTTP: request targets with raw or encoded control bytes, traversal and odd separators, bodies whose
 * framing headers lie or disagree, repeated {@code Host} headers. The HTTP layer or the firewall may refuse
 * these before any endpoint is chosen, so any 4xx will do, as long as it carries no trace.
 */
final class ProtocolCorpus {

    private static final List<String> PATHS = List.of("/oauth/token", "/signin",
            "/api/v3.0/0000-0002-1694-233X/record");

    private ProtocolCorpus() {
    }

    static List<BadInput> inputs() {
        List<BadInput> inputs = new ArrayList<>();
        for (String path : PATHS) {
            for (String odd : List.of("\u00ff\u00fe", "%00", "%", "%zz", "/..%2f..%2f", "/../../..", "/%2e%2e/x",
                    ";jsessionid=x", "%3Bx", "//", "/%5c..%5c", "\\..\\", "%0d%0aX-Injected:%201", "/.", "%252e",
                    "?%00=%00", "?" + "q".repeat(7_000), "#fragment")) {
                inputs.add(input("target " + path + odd, "GET", path + odd, List.of(), null));
            }
            String[] form = { "Content-Type", "application/x-www-form-urlencoded" };
            for (String length : List.of("-1", "abc", "99999999999999999999", "1, 2", "")) {
                inputs.add(input("Content-Length " + length + " " + path, "POST", path,
                        List.of(form, new String[] { "Content-Length", length }), "a=b"));
            }
            inputs.add(input("Content-Length twice " + path, "POST", path, List.of(form,
                    new String[] { "Content-Length", "3" }, new String[] { "Content-Length", "4" }), "a=b"));
            inputs.add(input("bad chunk " + path, "POST", path,
                    List.of(form, new String[] { "Transfer-Encoding", "chunked" }), "zz\r\na=b\r\n0\r\n\r\n"));
            inputs.add(input("chunked and Content-Length " + path, "POST", path, List.of(form,
                    new String[] { "Transfer-Encoding", "chunked" }, new String[] { "Content-Length", "3" }),
                    "3\r\na=b\r\n0\r\n\r\n"));
            inputs.add(input("Host twice " + path, "GET", path, List.of(new String[] { "Host", "localhost" },
                    new String[] { "Host", "evil.example.com" }), null));
            inputs.add(input("Host evil " + path, "GET", path,
                    List.<String[]>of(new String[] { "Host", "evil.example.com" }), null));
            inputs.add(input("absolute-form target " + path, "GET", "http://evil.example.com" + path, List.of(),
                    null));
            inputs.add(input("header without colon " + path, "GET", path,
                    List.<String[]>of(new String[] { "X-Garbage\u0000", "\u0001" }), null));
            inputs.add(input("unknown method " + path, "FOO", path, List.of(), null));
            inputs.add(input("TRACE " + path, "TRACE", path, List.of(), null));
        }
        return inputs;
    }

    private static BadInput input(String label, String method, String target, List<String[]> headers, String body) {
        return new BadInput(label, method, target, headers,
                body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1), Expect.CONNECTOR);
    }
}
