package org.orrery.record;

/**
 * Who added an item: the researcher ({@code clientId} null) or an API client, with the name shown beside it.
 *
 * @param clientId the client that added the item, or null when the researcher did
 * @param name the client's name or the researcher's display name
 */
public record Source(String clientId, String name) {

    public boolean isResearcher() {
        return this.clientId == null;
    }

    /** True when the given client added the item. */
    public boolean isClient(String candidate) {
        return this.clientId != null && this.clientId.equals(candidate);
    }
}
