package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.RawHttp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Parameters the HTTP layer cannot decode (a lone {@code %}, bytes that are not UTF-8, a form body over the size
 * limit) are the caller's mistake: each gets a 400 in its face's format, and the server's log gets no error and no
 * stack trace for it, so that anyone can neither flood an operator's log nor hide a real failure in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class UndecodableParametersLogTests extends OrreryIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void undecodableOrOversizedParametersGetA400PageAndLeaveNoErrorInTheLog(CapturedOutput output) {
        byte[] oversized = new byte[3 * 1024 * 1024];
        Arrays.fill(oversized, (byte) 'a');
        oversized[0] = 'x';
        oversized[1] = '=';
        List<RawHttp.Response> undecodable = List.of(send("GET", "/signin?x=%", null, null),
                send("GET", "/register?x=%C3%28", null, null), send("POST", "/signin", FORM, "userId=%ZZ"),
                send("GET", "/" + Dance.ADA_ORCID + "?lang=%", null, null));
        for (RawHttp.Response answer : undecodable) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertRegistryPage(answer);
        }
        RawHttp.Response tooLarge = send("POST", "/register", FORM, new String(oversized, StandardCharsets.ISO_8859_1));
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
        assertRegistryPage(tooLarge);
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException")
            .doesNotContainPattern("\\tat [a-z]+\\.");
    }

    @Test
    void undecodableParametersOnTheApiAndOAuthGetTheirOwnErrorFormatAndLeaveNoErrorInTheLog(CapturedOutput output) {
        RawHttp.Response api = send("GET", "/pub/v3.0/" + Dance.ADA_ORCID + "/record?x=%", null, null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.text()).contains("response-code").contains("400");
        RawHttp.Response token = send("POST", "/oauth/token", FORM, "grant_type=%ZZ");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.text()).contains("\"error\"");
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException")
            .doesNotContainPattern("\\tat [a-z]+\\.");
    }

    /** The registry's own error page (its layout's main element), not the container's report. */
    private static void assertRegistryPage(RawHttp.Response answer) {
        assertThat(answer.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.text()).contains("<main").doesNotContain("Exception").doesNotContain("at org.");
    }

    private static RawHttp.Response send(String method, String target, String contentType, String body) {
        List<String[]> headers = contentType == null ? List.of()
                : List.<String[]>of(new String[] { "Content-Type", contentType });
        return RawHttp.send(PORT, RawHttp.request(method, target.getBytes(StandardCharsets.ISO_8859_1), headers,
                body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1), PORT));
    }
}
