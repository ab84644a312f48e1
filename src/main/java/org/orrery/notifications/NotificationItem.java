package org.orrery.notifications;

/**
 * One item a notification lists: its ORCID item type ({@code work}, {@code employment}, ...), the name shown to
 * the researcher, an optional external identifier, and for amended notifications what the client did.
 *
 * @param action CREATE, UPDATE or DELETE for amended notifications, else null
 */
public record NotificationItem(String itemType, String itemName, ExternalId externalId, String action) {

    /** An external identifier of an item: type, value and the optional URL and relationship. */
    public record ExternalId(String type, String value, String url, String relationship) {
    }
}
