package org.orrery.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.orrery.system.BadInput.Endpoint;
import org.orrery.system.BadInput.Expect;
import org.orrery.system.BadValues.Value;

/**
 * Bad input for the v3.0 API faces: malformed iDs and put-codes in paths, and malformed JSON and XML bodies on
 * every write endpoint ORCID defines (POST to a section, PUT and DELETE of an item), sent with a valid member
 * token for Ada so that the body itself is what gets judged.
 */
final class ApiCorpus {

    static final List<String> SECTIONS = List.of("work", "funding", "peer-review", "research-resource",
            "education", "employment", "distinction", "invited-position", "membership", "qualification", "service",
            "other-names", "researcher-urls", "keywords", "address", "external-identifiers");

    static final List<String> READS = List.of("record", "person", "personal-details", "activities", "biography",
            "email", "works", "fundings", "educations", "summary", "");

    static final List<String> BAD_IDS = List.of("0000-0002-1694-2330", "0000-0002-1694-233x",
            "0000-0002-1694-233X-0000", "000000021694233X", "%00", "..", "%2e%2e", "-1",
            "99999999999999999999", "APP-TEST000000000001", "%EF%BC%90000-0002-1694-233X", "%FF%FE",
            "x".repeat(3_000), "0000-0002-1694-233X%3Bx", "%20");

    static final List<String> BAD_PUT_CODES = List.of("abc", "-1", "0", "1.5", "99999999999999999999",
            "9223372036854775808", "%00", "1%3B2", "%2e%2e", "1,2", "0x10", "%FF", "+1", "1e3");

    private ApiCorpus() {
    }

    /**
     * The inputs for Ada's record, with a member token whose client is the source of Ada's work {@code ownWork}:
     * put-codes that only look like it (written in other scripts' digits) must not reach it, and bad bodies put
     * to it must leave it as it was.
     */
    static List<BadInput> inputs(String orcid, String accessToken, long ownWork) {
        List<String> putCodes = new ArrayList<>(BAD_PUT_CODES);
        putCodes.add(digits(ownWork, '\uFF10'));
        putCodes.add(digits(ownWork, '\u0660'));
        putCodes.add(ownWork + "%00");
        putCodes.add(ownWork + ".0");
        List<String[]> member = List.of(new String[] { "Authorization", "Bearer " + accessToken },
                new String[] { "Accept", "application/vnd.orcid+json" });
        List<BadInput> inputs = new ArrayList<>();
        for (String face : List.of("/api/v3.0/", "/pub/v3.0/")) {
            for (String id : BAD_IDS) {
                for (String read : List.of("record", "works", "")) {
                    inputs.add(request("GET " + face + "{bad iD " + Mutations.abbreviated(id) + "}/" + read, "GET",
                            face + id + (read.isEmpty() ? "" : "/" + read), member, null));
                }
            }
            for (String read : READS) {
                inputs.add(request("GET " + face + "{iD}/" + read, "GET", face + orcid + "/" + read,
                        List.<String[]>of(new String[] { "Accept", "garbage/x" }), null));
            }
        }
        inputs.add(request("GET another researcher's record", "GET", "/api/v3.0/0000-0002-1825-0097/record", member,
                null));
        for (String section : SECTIONS) {
            String collection = "/api/v3.0/" + orcid + "/" + section;
            for (String putCode : putCodes) {
                for (String method : List.of("GET", "DELETE")) {
                    inputs.add(request(method + " " + section + "/{put-code " + putCode + "}", method,
                            collection + "/" + putCode, member, null));
                }
                inputs.add(request("PUT " + section + "/{put-code " + putCode + "}", "PUT", collection + "/" + putCode,
                        json(member), "{}"));
            }
            for (Value body : BadValues.jsonBodies()) {
                inputs.add(request("POST " + section + " JSON " + body.label(), "POST", collection, json(member),
                        body.encoded()));
                if (section.equals("work")) {
                    inputs.add(request("PUT own work JSON " + body.label(), "PUT", collection + "/" + ownWork,
                            json(member), body.encoded()));
                }
            }
            for (Value body : BadValues.xmlBodies()) {
                inputs.add(request("POST " + section + " XML " + body.label(), "POST", collection, xml(member),
                        body.encoded()));
                if (section.equals("work")) {
                    inputs.add(request("PUT own work XML " + body.label(), "PUT", collection + "/" + ownWork,
                            xml(member), body.encoded()));
                }
            }
        }
        String works = "/api/v3.0/" + orcid + "/works";
        for (Value body : BadValues.jsonBodies()) {
            inputs.add(request("POST works (bulk) JSON " + body.label(), "POST", works, json(member), body.encoded()));
        }
        for (String codes : List.of("1,,2", "a,b", ",", "1," + "2,".repeat(150) + "3", "%00,1")) {
            inputs.add(request("GET works/{" + Mutations.abbreviated(codes) + "}", "GET", works + "/" + codes, member,
                    null));
        }
        Endpoint record = new Endpoint("API record", "GET", "/api/v3.0/" + orcid + "/record", List.of(), member, null,
                Expect.API, true);
        inputs.addAll(Mutations.headers(record, BadValues.headerVariants("Bearer " + accessToken)));
        Endpoint write = new Endpoint("API work POST", "POST", "/api/v3.0/" + orcid + "/work", List.of(),
                json(member), "{".getBytes(StandardCharsets.ISO_8859_1), Expect.API, true);
        inputs.addAll(Mutations.headers(write, BadValues.headerVariants("Bearer " + accessToken)));
        return inputs;
    }

    /** The number written in another script's digits (fullwidth, Arabic-Indic), percent-encoded as UTF-8. */
    private static String digits(long number, char zero) {
        StringBuilder text = new StringBuilder();
        for (char c : Long.toString(number).toCharArray()) {
            text.append((char) (zero + (c - '0')));
        }
        return BadValues.encode(text.toString());
    }

    private static List<String[]> json(List<String[]> member) {
        List<String[]> headers = new ArrayList<>(member);
        headers.add(new String[] { "Content-Type", "application/vnd.orcid+json" });
        return headers;
    }

    private static List<String[]> xml(List<String[]> member) {
        List<String[]> headers = new ArrayList<>(member.subList(0, 1));
        headers.add(new String[] { "Accept", "application/vnd.orcid+xml" });
        headers.add(new String[] { "Content-Type", "application/vnd.orcid+xml" });
        return headers;
    }

    private static BadInput request(String label, String method, String target, List<String[]> headers,
            String body) {
        return new BadInput(label, method, target, headers,
                body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1), Expect.API);
    }
}
