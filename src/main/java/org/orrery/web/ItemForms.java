package org.orrery.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.orrery.record.ItemType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the record editor's small forms into items in ORCID's JSON form; the record's schema then checks them
 * as it checks API bodies. Only the kinds the editor offers have a form.
 */
final class ItemForms {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemForms() {
    }

    static boolean hasForm(ItemType type) {
        return switch (type) {
            case OTHER_NAME, KEYWORD, RESEARCHER_URL, EMAIL, ADDRESS, WORK, EMPLOYMENT, EDUCATION, FUNDING -> true;
            default -> false;
        };
    }

    static ObjectNode body(ItemType type, Map<String, String> form) {
        ObjectNode body = NODES.objectNode();
        switch (type) {
            case OTHER_NAME, KEYWORD -> body.put("content", field(form, "content"));
            case RESEARCHER_URL -> {
                body.put("url-name", field(form, "urlName"));
                value(body, "url", field(form, "url"));
            }
            case EMAIL -> body.put("email", field(form, "email"));
            case ADDRESS -> value(body, "country", field(form, "country"));
            case WORK -> {
                value(body.putObject("title"), "title", field(form, "title"));
                body.put("type", field(form, "workType"));
                year(body, "publication-date", field(form, "year"));
                doi(body, field(form, "doi"));
                value(body, "url", field(form, "url"));
            }
            case EMPLOYMENT, EDUCATION -> {
                body.put("department-name", field(form, "department"));
                body.put("role-title", field(form, "role"));
                year(body, "start-date", field(form, "startYear"));
                year(body, "end-date", field(form, "endYear"));
                organization(body, form);
            }
            case FUNDING -> {
                body.put("type", field(form, "fundingType"));
                value(body.putObject("title"), "title", field(form, "title"));
                String grant = field(form, "grantNumber");
                if (grant != null) {
                    ObjectNode id = body.putObject("external-ids").putArray("external-id").addObject();
                    id.put("external-id-type", "grant_number");
                    id.put("external-id-value", grant);
                    id.put("external-id-relationship", "self");
                }
                organization(body, form);
            }
            default -> throw new IllegalArgumentException("The editor has no form for " + type.label());
        }
        return body;
    }

    /** The form fields of an item, for editing it (the inverse of {@link #body}). */
    static Map<String, String> fields(ItemType type, JsonNode body) {
        Map<String, String> form = new LinkedHashMap<>();
        switch (type) {
            case OTHER_NAME, KEYWORD -> put(form, "content", body, "/content");
            case RESEARCHER_URL -> {
                put(form, "urlName", body, "/url-name");
                put(form, "url", body, "/url/value");
            }
            case EMAIL -> put(form, "email", body, "/email");
            case ADDRESS -> put(form, "country", body, "/country/value");
            case WORK -> {
                put(form, "title", body, "/title/title/value");
                put(form, "workType", body, "/type");
                put(form, "year", body, "/publication-date/year/value");
                form.put("doi", externalId(body, "doi"));
                put(form, "url", body, "/url/value");
            }
            case EMPLOYMENT, EDUCATION -> {
                put(form, "department", body, "/department-name");
                put(form, "role", body, "/role-title");
                put(form, "startYear", body, "/start-date/year/value");
                put(form, "endYear", body, "/end-date/year/value");
                organizationFields(form, body);
            }
            case FUNDING -> {
                put(form, "fundingType", body, "/type");
                put(form, "title", body, "/title/title/value");
                form.put("grantNumber", externalId(body, "grant_number"));
                organizationFields(form, body);
            }
            default -> throw new IllegalArgumentException("The editor has no form for " + type.label());
        }
        return form;
    }

    private static void organizationFields(Map<String, String> form, JsonNode body) {
        put(form, "organization", body, "/organization/name");
        put(form, "city", body, "/organization/address/city");
        put(form, "country", body, "/organization/address/country");
    }

    private static String externalId(JsonNode body, String type) {
        for (JsonNode id : body.path("external-ids").path("external-id")) {
            if (type.equals(id.path("external-id-type").asString(""))) {
                return id.path("external-id-value").asString("");
            }
        }
        return "";
    }

    private static void put(Map<String, String> form, String name, JsonNode body, String pointer) {
        JsonNode value = body.at(pointer);
        form.put(name, value.isValueNode() ? value.asString() : "");
    }

    private static void organization(ObjectNode body, Map<String, String> form) {
        ObjectNode organization = body.putObject("organization");
        organization.put("name", field(form, "organization"));
        ObjectNode address = organization.putObject("address");
        address.put("city", field(form, "city"));
        address.put("country", field(form, "country"));
    }

    private static void doi(ObjectNode body, String doi) {
        if (doi == null) {
            return;
        }
        ObjectNode id = body.putObject("external-ids").putArray("external-id").addObject();
        id.put("external-id-type", "doi");
        id.put("external-id-value", doi);
        id.put("external-id-relationship", "self");
    }

    private static void year(ObjectNode body, String name, String year) {
        if (year != null) {
            value(body.putObject(name), "year", year);
        }
    }

    private static void value(ObjectNode parent, String name, String text) {
        if (text != null) {
            parent.putObject(name).put("value", text);
        }
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
