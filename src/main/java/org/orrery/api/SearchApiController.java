package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.ClientType;
import org.orrery.clients.Scopes;
import org.orrery.oauth.OrreryProperties;
import org.orrery.search.RegistrySearch;
import org.orrery.search.SearchParameters;
import org.orrery.search.SearchQueryException;
import org.orrery.search.SearchResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ORCID's search API on both faces (orcid-wave2 §1): {@code /search}, {@code /expanded-search} and
 * {@code /csv-search}, with and without a trailing slash. The public face answers anonymous callers (their
 * {@code start} capped at 10,000, 400/9043); the member face needs a member token with {@code /read-public}
 * (403/9038). {@code rows} is 0..1,000 (400/9012). Unlike ORCID, a query that cannot be parsed answers 400/9012
 * naming the problem, not 500.
 */
@RestController
class SearchApiController {

    static final int MAX_ROWS = 1000;

    static final int MAX_ANONYMOUS_START = 10_000;

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RegistrySearch search;

    private final SearchAnswers answers;

    SearchApiController(RegistrySearch search, OrreryProperties properties) {
        this.search = search;
        this.answers = new SearchAnswers(properties.baseUrl());
    }

    @GetMapping({ PUBLIC + "/search", PUBLIC + "/search/", MEMBER + "/search", MEMBER + "/search/" })
    ResponseEntity<byte[]> search(HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        SearchResult result = run(request, auth);
        return ApiResponder.respond(200, type, ApiMediaTypes.isJson(type) ? json(this.answers.searchJson(result))
                : this.answers.searchXml(result).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping({ PUBLIC + "/expanded-search", PUBLIC + "/expanded-search/", MEMBER + "/expanded-search",
            MEMBER + "/expanded-search/" })
    ResponseEntity<byte[]> expandedSearch(HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        SearchResult result = run(request, auth);
        return ApiResponder.respond(200, type, ApiMediaTypes.isJson(type) ? json(this.answers.expandedJson(result))
                : this.answers.expandedXml(result).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping({ PUBLIC + "/csv-search", PUBLIC + "/csv-search/", MEMBER + "/csv-search", MEMBER + "/csv-search/" })
    ResponseEntity<byte[]> csvSearch(HttpServletRequest request, Authentication auth) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!acceptsCsv(accept)) {
            throw new ApiException(new OrcidError(406, "406 Not Acceptable: Cannot produce " + accept
                    + ". Full validation error: /csv-search answers text/csv only",
                    "The requested format is not available.", 9001));
        }
        SearchResult result = run(request, auth);
        return ResponseEntity.ok()
            .contentType(CSV)
            .body(SearchAnswers.csv(result, csvFields(request.getParameter("fl")))
                .getBytes(StandardCharsets.UTF_8));
    }

    private SearchResult run(HttpServletRequest request, Authentication auth) {
        boolean publicApi = ApiRequests.isPublic(request);
        Caller caller = Caller.of(publicApi, auth);
        if (!publicApi) {
            if (caller.clientId() == null) {
                throw new ApiException(OrcidError.missingScope(Scopes.READ_PUBLIC));
            }
            if (caller.clientType() == ClientType.PUBLIC) {
                throw new ApiException(OrcidError.clientForbidden());
            }
            caller.requireAnyScope(List.of(Scopes.READ_PUBLIC));
        }
        int rows = rows(request.getParameter("rows"));
        int start = start(request.getParameter("start"), publicApi && caller.clientId() == null);
        try {
            return this.search.search(SearchParameters.from(parameters(request)), start, rows);
        }
        catch (SearchQueryException ex) {
            throw new ApiException(invalidSearch(ex.getMessage()));
        }
    }

    /**
     * Only the parameters a search reads, by name: the whole parameter map would make the HTTP firewall refuse
     * requests that merely carry some other oddly named parameter.
     */
    private static java.util.Map<String, String[]> parameters(HttpServletRequest request) {
        java.util.Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        for (String name : SearchParameters.NAMES) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                parameters.put(name, values);
            }
        }
        return parameters;
    }

    private static int rows(String text) {
        if (text == null) {
            return MAX_ROWS;
        }
        Integer rows = integer(text);
        if (rows == null || rows < 0 || rows > MAX_ROWS) {
            throw new ApiException(invalidSearch("The rows parameter must be an integer between 0 and 1,000"));
        }
        return rows;
    }

    private static int start(String text, boolean anonymous) {
        if (text == null) {
            return 0;
        }
        Integer start = integer(text);
        if (anonymous && (start == null || start < 0 || start > MAX_ANONYMOUS_START)) {
            throw new ApiException(new OrcidError(400, "400 Bad Request: The start parameter for API users without"
                    + " credentials must be an integer between 0 and 10,000",
                    "The start parameter for API users without credentials must be an integer between 0 and 10,000",
                    9043));
        }
        if (start == null || start < 0) {
            throw new ApiException(invalidSearch("The start parameter must be a non-negative integer"));
        }
        return start;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    static OrcidError invalidSearch(String detail) {
        return new OrcidError(400, "400 Bad Request: Invalid search parameters. Full validation error: " + detail,
                "There was an error with the search parameters.", 9012);
    }

    /** {@code fl} restricted to ORCID's columns (unknown names dropped; none left: all of them). */
    static List<String> csvFields(String fl) {
        List<String> fields = new ArrayList<>();
        if (fl != null) {
            for (String name : fl.split("[,\\s]+")) {
                if (SearchAnswers.CSV_FIELDS.contains(name) && !fields.contains(name)) {
                    fields.add(name);
                }
            }
        }
        return fields.isEmpty() ? SearchAnswers.CSV_FIELDS : fields;
    }

    private static boolean acceptsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.includes(CSV));
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    private static byte[] json(Object tree) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(tree);
    }
}
