package org.orrery.api;

import java.util.function.Supplier;

import org.orrery.record.RecordRuleException;

/** Maps the record's write rules onto ORCID's error codes (9016, 9010, 9021, 9035). */
final class RecordRules {

    private RecordRules() {
    }

    static <T> T apply(Supplier<T> write) {
        try {
            return write.get();
        }
        catch (RecordRuleException ex) {
            String label = ex.type() == null ? "item" : ex.type().label();
            OrcidError error = switch (ex.rule()) {
                case NOT_FOUND -> new OrcidError(404, "404 Not Found: The resource was not found. Full validation error: "
                        + ex.getMessage(), "The resource was not found.", 9016);
                case NOT_SOURCE -> OrcidError.notSource(label);
                case DUPLICATE -> OrcidError.duplicate(ex.getMessage());
                case VISIBILITY_CHANGE -> OrcidError.visibilityChange();
                case UNKNOWN_GROUP -> new OrcidError(400, "400 Bad Request: Invalid group-id. Full validation error: "
                        + ex.getMessage(), "The group id is not valid.", 9020);
            };
            throw new ApiException(error);
        }
    }
}
