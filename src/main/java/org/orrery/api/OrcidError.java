package org.orrery.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ORCID's v3.0 error body ({@code error-3.0.xsd}): response code, developer and user messages, error code and
 * the troubleshooting link.
 */
public record OrcidError(int responseCode, String developerMessage, String userMessage, int errorCode) {

    static final String MORE_INFO = "https://members.orcid.org/api/resources/troubleshooting";

    public static OrcidError wrongRecord() {
        return new OrcidError(401,
                "401 Unauthorized: The client application is not authorized for this ORCID record. Full validation error: Access token is for a different record",
                "The client application is not authorized.", 9017);
    }

    public static OrcidError clientForbidden() {
        return new OrcidError(401,
                "401 Unauthorized: The client application is forbidden to perform the action. Full validation error: Public clients may not use the member API",
                "The client application is forbidden to perform the action.", 9017);
    }

    public static OrcidError missingScope(String scope) {
        return new OrcidError(403,
                "403 Forbidden: Insufficient or wrong scope. Full validation error: The token does not carry " + scope,
                "The client application does not have the scope needed for this request.", 9038);
    }

    public static OrcidError recordNotFound(String orcid) {
        return new OrcidError(404,
                "404 Not Found: The resource was not found. Full validation error: ORCID iD " + orcid + " not found",
                "The ORCID record was not found.", 9016);
    }

    public static OrcidError notAcceptable(String accept) {
        return new OrcidError(406, "406 Not Acceptable: Cannot produce " + accept
                + ". Full validation error: use application/vnd.orcid+json, application/orcid+json or application/json",
                "The requested format is not available.", 9001);
    }

    /** The JSON field names ORCID uses. */
    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response-code", this.responseCode);
        body.put("developer-message", this.developerMessage);
        body.put("user-message", this.userMessage);
        body.put("error-code", this.errorCode);
        body.put("more-info", MORE_INFO);
        return body;
    }
}
