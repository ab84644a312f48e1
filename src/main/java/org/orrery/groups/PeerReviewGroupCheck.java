package org.orrery.groups;

import org.orrery.record.ItemType;
import org.orrery.record.RecordItemHook;
import org.orrery.record.RecordRuleException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * A peer review must name an existing group (wave-2 spec §2.3): its {@code review-group-id} is normalised (an
 * {@code issn:} one, whose group is created on first use) before it is stored, and one no group has is refused
 * (400/9020 on the API), whoever writes it.
 */
@Component
class PeerReviewGroupCheck implements RecordItemHook {

    private final PeerReviewGroups groups;

    PeerReviewGroupCheck(PeerReviewGroups groups) {
        this.groups = groups;
    }

    @Override
    public void beforeWrite(String orcid, ItemType type, ObjectNode body, String clientId) {
        if (type != ItemType.PEER_REVIEW) {
            return;
        }
        String groupId = body.path("review-group-id").asString("");
        String known = groupId.isBlank() ? null : this.groups.groupIdForPeerReview(groupId).orElse(null);
        if (known == null) {
            throw new RecordRuleException(RecordRuleException.Rule.UNKNOWN_GROUP, type,
                    "The given group id does not exist in our records: '" + groupId + "'");
        }
        body.put("review-group-id", known);
    }
}
