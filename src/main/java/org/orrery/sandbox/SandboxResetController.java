package org.orrery.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.system.SandboxMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/reset}: the database back to the seed. With {@code orrery.sandbox.token} set, the caller
 * presents it as a bearer token; without one, only callers on this machine's loopback interface may reset.
 * Answers JSON: what was done and how long it took, or an OAuth-style error.
 */
@RestController
class SandboxResetController {

    static final String PATH = "/sandbox/reset";

    private final SandboxMode sandbox;

    private final SandboxReset reset;

    private final byte[] tokenDigest;

    SandboxResetController(SandboxMode sandbox, SandboxReset reset,
            @Value("${orrery.sandbox.token:}") String token) {
        this.sandbox = sandbox;
        this.reset = reset;
        if (!token.isBlank() && token.trim().length() < 16) {
            throw new IllegalStateException("orrery.sandbox.token must be at least 16 characters");
        }
        this.tokenDigest = token.isBlank() ? null : sha256(token.trim());
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> reset(HttpServletRequest request) throws InterruptedException {
        if (!this.sandbox.enabled()) {
            return error(HttpStatus.NOT_FOUND, "not_found", "There is no sandbox on this registry");
        }
        if (this.tokenDigest != null) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim() : null;
            if (presented == null || !MessageDigest.isEqual(this.tokenDigest, sha256(presented))) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(body("invalid_token", presented == null
                            ? "Reset needs the sandbox token (orrery.sandbox.token) as a bearer token"
                            : "The sandbox token is not right"));
            }
        }
        else if (!isLoopback(request.getRemoteAddr())) {
            return error(HttpStatus.FORBIDDEN, "access_denied", "Without orrery.sandbox.token set, only callers on"
                    + " this machine may reset the sandbox");
        }
        SandboxReset.Outcome outcome = this.reset.reset();
        if (!outcome.done()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body("temporarily_unavailable", "Requests in flight did not finish; try the reset again"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "reset");
        answer.put("took_ms", outcome.tookMillis());
        answer.put("tables_emptied", outcome.tables());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
        return ResponseEntity.status(status).body(body(code, description));
    }

    private static Map<String, Object> body(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }

    private static boolean isLoopback(String address) {
        try {
            // An address literal from the connection: no name is looked up.
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
