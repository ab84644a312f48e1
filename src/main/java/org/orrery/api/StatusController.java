package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ORCID's status endpoints on the API faces (wave-2 spec §4.4), JSON whatever the {@code Accept} header says and
 * open to anyone: {@code /v3.0/status} says the server is up; {@code /api/v3.0/apiStatus} and
 * {@code /pub/v3.0/pubStatus} also check the database, and answer 500 when it is not OK. Orrery has no read-only
 * replica, so {@code readOnlyDbConnectionOk} reports the same connection. The operators' {@code /actuator/health}
 * is unchanged.
 */
@RestController
class StatusController {

    private final JdbcTemplate jdbc;

    StatusController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping({ MEMBER + "/status", PUBLIC + "/status" })
    ResponseEntity<Map<String, Object>> status() {
        return answer(200, Map.of("tomcatUp", true));
    }

    @GetMapping({ MEMBER + "/apiStatus", PUBLIC + "/pubStatus" })
    ResponseEntity<Map<String, Object>> detailed() {
        boolean database = databaseAnswers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tomcatUp", true);
        body.put("dbConnectionOk", database);
        body.put("readOnlyDbConnectionOk", database);
        body.put("overallOk", database);
        return answer(database ? 200 : 500, body);
    }

    private boolean databaseAnswers() {
        try {
            Integer one = this.jdbc.queryForObject("SELECT 1", Integer.class);
            return one != null && one == 1;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, Object>> answer(int status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noStore()).body(body);
    }
}
