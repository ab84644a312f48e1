package org.orrery.groups;

import java.time.Instant;

/**
 * A peer-review group (ORCID's group-id record): the journal, conference or service a peer review is grouped
 * under. {@code sourceClientId} is null for a group Orrery created itself (an ISSN's first use).
 */
public record PeerReviewGroup(long putCode, String groupId, String name, String description, String type,
        String sourceClientId, Instant createdAt, Instant modifiedAt) {
}
