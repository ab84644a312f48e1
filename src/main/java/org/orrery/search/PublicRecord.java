package org.orrery.search;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search may know of one record: its state and version, and only its public parts. The name, biography and
 * primary e-mail are null unless public; {@code items} holds only public items.
 */
record PublicRecord(String orcid, long version, String state, String givenNames, String familyName,
        String creditName, String primaryEmail, String biography, Instant submitted, Instant lastModified,
        List<Item> items) {

    /**
     * A public item: its kind ({@code ItemType} name) and stored JSON body, parsed when the document is built (on
     * the rebuild's worker threads, not the thread that reads the database).
     */
    record Item(String type, String json) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        JsonNode body() {
            return JSON.readTree(this.json);
        }
    }

    boolean isActive() {
        return "ACTIVE".equals(this.state);
    }
}
