package org.orrery.api;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's v3.0 error body ({@code error-3.0.xsd}): response code, developer and user messages, error code and
 * the troubleshooting link. The developer message is the code's text, then " Full validation error: " and the
 * particulars, as ORCID writes it. One factory per error this API answers.
 */
public record OrcidError(int responseCode, String developerMessage, String userMessage, int errorCode) {

    static final String MORE_INFO = "https://members.orcid.org/api/resources/troubleshooting";

    private static final String FULL = " Full validation error: ";

    private static final String FORBIDDEN_ACTION = "The client application is forbidden to perform the action.";

    public static OrcidError wrongRecord() {
        return new OrcidError(401, "401 Unauthorized: The client application is not authorized for this ORCID record."
                + FULL + "Access token is for a different record", "The client application is not authorized.", 9017);
    }

    public static OrcidError clientForbidden() {
        return new OrcidError(401, "401 Unauthorized: The client application is forbidden to perform the action."
                + FULL + "Public clients may not use the member API", FORBIDDEN_ACTION, 9017);
    }

    public static OrcidError missingScope(String scope) {
        return new OrcidError(403, "403 Forbidden: Insufficient or wrong scope." + FULL
                + "The access token does not carry " + scope, FORBIDDEN_ACTION, 9038);
    }

    public static OrcidError privateItem(String label, long putCode) {
        return new OrcidError(403, "403 Forbidden: The activity is private and you are not the source." + FULL
                + "The " + label + " " + putCode + " is private", FORBIDDEN_ACTION, 9013);
    }

    public static OrcidError notPublic(String label, long putCode) {
        return new OrcidError(403, "403 Forbidden: The item is not public and cannot be accessed with the Public API."
                + FULL + "The " + label + " " + putCode + " is not public", FORBIDDEN_ACTION, 9039);
    }

    public static OrcidError notSource(String label) {
        return new OrcidError(403, "403 Forbidden: You are not the source of the " + label
                + ", so you are not allowed to update it.",
                "The client application is not the source of the resource it is trying to access.", 9010);
    }

    public static OrcidError visibilityChange() {
        return new OrcidError(403, "403 Forbidden: The visibility of an item cannot be changed through the API."
                + FULL + "Remove the visibility or set it to the current value",
                "You can't change the visibility of an item, please remove the visibility or set it to the current value",
                9035);
    }

    public static OrcidError recordNotFound(String orcid) {
        return new OrcidError(404, "404 Not Found: The resource was not found." + FULL + "ORCID iD " + orcid
                + " not found", "The ORCID record was not found.", 9016);
    }

    public static OrcidError itemNotFound(String label, String putCode, String orcid) {
        return new OrcidError(404, "404 Not Found: The resource was not found." + FULL + "No " + label
                + " with put-code " + putCode + " on " + orcid, "The resource was not found.", 9016);
    }

    public static OrcidError noBiography(String orcid) {
        return new OrcidError(404, "404 Not Found: The biography was not found." + FULL + "ORCID iD " + orcid
                + " has no biography that can be shown", "The resource was not found.", 9041);
    }

    public static OrcidError invalidBody(String detail) {
        return new OrcidError(400, "400 Bad Request: Invalid incoming message." + FULL + detail,
                "ORCID could not process the data, because they were invalid.", 9001);
    }

    public static OrcidError badRequest(String detail) {
        return new OrcidError(400, "400 Bad Request: The client application sent a bad request to ORCID." + FULL
                + detail, "The client application sent a bad request to ORCID.", 9006);
    }

    public static OrcidError invalidPutCode(String putCode) {
        return new OrcidError(400, "400 Bad Request: The put code provided is not valid." + FULL + "'" + putCode
                + "' is not a put-code", "The put code provided is not valid.", 9034);
    }

    public static OrcidError putCodeMismatch(String urlPutCode, String bodyPutCode) {
        return new OrcidError(400, "400 Bad Request: The put code in the URL was " + urlPutCode
                + " whereas the one in the body was " + bodyPutCode + ".",
                "The put code in the URL did not match that in the body of the message.", 9019);
    }

    public static OrcidError putCodeOnPost() {
        return new OrcidError(400, "400 Bad Request: Put-code is included when not expected. When posting new"
                + " activities, the put code should be omitted.",
                "There was an error when adding the activity. Please try again.", 9024);
    }

    public static OrcidError duplicate(String detail) {
        return new OrcidError(409, "409 Conflict: You have already added this activity (matched by external"
                + " identifiers.) If you are trying to edit the item, please use PUT instead of POST, and include the"
                + " put-code attribute for the activity in the element declaration." + FULL + detail,
                "There was an error when adding or updating the activity. Please try again.", 9021);
    }

    public static OrcidError notAcceptable(String accept) {
        return new OrcidError(406, "406 Not Acceptable: Cannot produce " + accept + "." + FULL
                + "Accept one of application/vnd.orcid+xml, application/vnd.orcid+json, application/orcid+xml,"
                + " application/orcid+json, application/xml, application/json",
                "The requested format is not available.", 9001);
    }

    public static OrcidError unsupportedMediaType(String contentType) {
        return new OrcidError(415, "415 Unsupported Media Type: Cannot read " + contentType + "." + FULL
                + "Send application/vnd.orcid+xml, application/vnd.orcid+json, application/orcid+xml,"
                + " application/orcid+json, application/xml or application/json",
                "The format of the request body is not supported.", 9001);
    }

    public static OrcidError tooLarge(int limit) {
        return new OrcidError(413, "413 Payload Too Large: The request body is larger than " + limit + " bytes.",
                "The client application sent a bad request to ORCID.", 9006);
    }

    public static OrcidError methodNotAllowed(String method) {
        return new OrcidError(405, "405 Method Not Allowed: " + method + " is not supported here.",
                "The client application sent a bad request to ORCID.", 9006);
    }

    public static OrcidError notFound(String path) {
        return new OrcidError(404, "404 Not Found: The resource was not found." + FULL + "No resource at " + path,
                "The resource was not found.", 9016);
    }

    /** Past a rate limit. ORCID has no code of its own for it; 9000 is its "error connecting to ORCID". */
    public static OrcidError tooManyRequests(String who, String limit, long retryAfterSeconds) {
        return new OrcidError(503, "503 Service Unavailable: Too many requests." + FULL + who + " may make " + limit
                + "; retry after " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."),
                "Too many requests. Please slow down and try again in a moment.", 9000);
    }

    /** A request refused before any API endpoint read it (by the HTTP layer or the firewall), with its status. */
    public static OrcidError refused(int status, String reason) {
        return new OrcidError(status, status + " " + reason + ": The client application sent a bad request to ORCID.",
                "The client application sent a bad request to ORCID.", 9006);
    }

    /** The database is out of reach for now (an outage, not a bug). 9000 is ORCID's "error connecting to ORCID". */
    public static OrcidError unavailable(String incident) {
        return new OrcidError(503, "503 Service Unavailable: The registry is temporarily unavailable; try again in a"
                + " moment." + FULL + "Incident " + incident,
                "ORCID is temporarily unavailable. Please try again in a moment.", 9000);
    }

    public static OrcidError unexpected(String incident) {
        return new OrcidError(500, "500 Internal Server Error: Something went wrong." + FULL + "Incident " + incident,
                "Something went wrong in ORCID.", 9008);
    }

    /** A deprecated record (ORCID §5.5): 301 for a GET (with {@code Location}), 409 for any other method. */
    public static OrcidError deprecated(boolean get, String keptUri, String deprecatedUri) {
        String message = "This account is deprecated. Please refer to account: " + keptUri + ". ORCID "
                + deprecatedUri;
        return new OrcidError(get ? 301 : 409, (get ? "301 Moved Permanently: " : "409 Conflict: ") + message,
                "The ORCID record has been deprecated. Please refer to account: " + keptUri, 9007);
    }

    /** A locked record (ORCID §5.6), on reads and writes. */
    public static OrcidError locked(String recordUri) {
        return new OrcidError(409, "409 Conflict: The ORCID record is locked and cannot be edited. ORCID " + recordUri,
                "The ORCID record is locked.", 9018);
    }

    /** A deactivated record (ORCID §5.4), on reads and writes. */
    public static OrcidError deactivated(String recordUri) {
        return new OrcidError(409, "409 Conflict: The ORCID record is deactivated and cannot be edited. ORCID "
                + recordUri, "The ORCID record is deactivated.", 9044);
    }

    /** The ORCID JSON form (also the tree the XML writer walks). */
    public ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("response-code", this.responseCode);
        body.put("developer-message", this.developerMessage);
        body.put("user-message", this.userMessage);
        body.put("error-code", this.errorCode);
        body.put("more-info", MORE_INFO);
        return body;
    }
}
