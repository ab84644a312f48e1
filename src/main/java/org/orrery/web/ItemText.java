package org.orrery.web;

import java.util.function.UnaryOperator;

import org.orrery.record.RecordItem;

import tools.jackson.databind.JsonNode;

/** A one-line description of an item for the record pages. */
final class ItemText {

    private ItemText() {
    }

    static String describe(RecordItem item) {
        return describe(item, UnaryOperator.identity());
    }

    /** The description, with a work's type named by {@code typeNames}. */
    static String describe(RecordItem item, UnaryOperator<String> typeNames) {
        JsonNode body = item.body();
        return switch (item.type()) {
            case OTHER_NAME, KEYWORD -> text(body, "/content");
            case RESEARCHER_URL -> join(text(body, "/url-name"), text(body, "/url/value"));
            case EMAIL -> text(body, "/email");
            case ADDRESS -> text(body, "/country/value");
            case EXTERNAL_IDENTIFIER -> text(body, "/external-id-type") + ": " + text(body, "/external-id-value");
            case WORK -> join(text(body, "/title/title/value"),
                    "(" + typeNames.apply(text(body, "/type")) + yearSuffix(body, "/publication-date/year/value") + ")");
            case FUNDING -> join(text(body, "/title/title/value"), "— " + text(body, "/organization/name"));
            // listed under the review group's name: the role, the convening organization and the year
            case PEER_REVIEW -> join(text(body, "/reviewer-role"), "— " + text(body, "/convening-organization/name")
                    + yearSuffix(body, "/review-completion-date/year/value"));
            case RESEARCH_RESOURCE -> text(body, "/proposal/title/title/value");
            default -> join(join(text(body, "/role-title"), text(body, "/department-name")),
                    "— " + text(body, "/organization/name") + yearSuffix(body, "/start-date/year/value"));
        };
    }

    private static String yearSuffix(JsonNode body, String pointer) {
        String year = text(body, pointer);
        return year.isEmpty() ? "" : ", " + year;
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + " " + second;
    }

    private static String text(JsonNode body, String pointer) {
        JsonNode node = body.at(pointer);
        return node.isValueNode() ? node.asString() : "";
    }
}
