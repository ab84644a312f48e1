package org.orrery.record;

import tools.jackson.databind.node.ObjectNode;

/**
 * A feature's say in record writes, called by {@link RecordWriter} inside its transaction: before an item is
 * stored (to normalise its body or refuse it with a {@link RecordRuleException}), and after a change is stored.
 * A {@code clientId} of null means the researcher.
 */
public interface RecordItemHook {

    /** What happened to an item. */
    enum Change {
        CREATE, UPDATE, DELETE
    }

    default void beforeWrite(String orcid, ItemType type, ObjectNode body, String clientId) {
    }

    default void afterWrite(String orcid, ItemType type, RecordItem item, Change change, String clientId) {
    }
}
