package org.orrery.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer-review groups under ORCID's rules (wave-2 spec §2): a group-id of ORCID's pattern, unique
 * case-insensitively; name, description and type required; only the creating client changes or deletes a group;
 * a group a peer review names cannot be deleted. An {@code issn:} group-id is normalised ({@code issn:1234-567X})
 * and created on its first use. ORCID then fetches the journal's title from the ISSN portal; Orrery cannot reach
 * it, so the name is the ISSN until a client with {@code /group-id-record/update} renames it.
 */
@Service
public class PeerReviewGroups {

    /** ORCID's {@code common:group-id} pattern (common-2.1.xsd), at most 1000 characters. */
    static final Pattern GROUP_ID = Pattern.compile(
            "(ringgold:|issn:|orcid-generated:|fundref:|publons:)([0-9a-zA-Z\\^._~:/?#\\[\\]@!$&'()*+,;=-]){2,}");

    static final Set<String> TYPES = Set.of("publisher", "institution", "journal", "conference", "newspaper",
            "newsletter", "magazine", "peer-review service");

    private static final Pattern ISSN = Pattern.compile("(\\d{4})-?(\\d{3}[\\dxX])");

    private static final Pattern CONTROL = Pattern.compile("\\p{C}");

    private final GroupRepository groups;

    PeerReviewGroups(GroupRepository groups) {
        this.groups = groups;
    }

    /** The fields a client sends. */
    public record Fields(String name, String groupId, String description, String type) {
    }

    public Optional<PeerReviewGroup> find(long putCode) {
        return this.groups.find(putCode);
    }

    /** By group-id, compared case-insensitively; an unknown {@code issn:} one is created from the ISSN. */
    @Transactional
    public Optional<PeerReviewGroup> findByGroupId(String groupId) {
        String normalised = normaliseIssn(groupId.trim());
        Optional<PeerReviewGroup> found = this.groups.findByGroupId(normalised);
        if (found.isEmpty() && normalised.startsWith("issn:")) {
            return Optional.of(createFromIssn(normalised));
        }
        return found;
    }

    public Optional<PeerReviewGroup> findByName(String name) {
        return this.groups.findByName(name);
    }

    public List<PeerReviewGroup> page(int page, int pageSize) {
        return this.groups.page(page, pageSize);
    }

    public Optional<Instant> lastModified() {
        return this.groups.lastModified();
    }

    /**
     * Creates a group. ORCID's quirk is kept: an {@code issn:} group-id that did not exist is created from the ISSN
     * alone, and the request is still answered as a duplicate.
     */
    @Transactional(noRollbackFor = GroupRefusal.class)
    public PeerReviewGroup create(Fields fields, String clientId) {
        Fields valid = validate(fields);
        if (valid.groupId().startsWith("issn:")) {
            Optional<PeerReviewGroup> existing = this.groups.findByGroupId(valid.groupId());
            if (existing.isEmpty()) {
                createFromIssn(valid.groupId());
            }
            throw duplicate(valid.groupId());
        }
        if (this.groups.findByGroupId(valid.groupId()).isPresent()) {
            throw duplicate(valid.groupId());
        }
        try {
            long putCode = this.groups.insert(valid.groupId(), valid.name(), valid.description(), valid.type(),
                    clientId, Instant.now());
            return this.groups.find(putCode).orElseThrow();
        }
        catch (DuplicateKeyException ex) {
            throw duplicate(valid.groupId());
        }
    }

    @Transactional
    public PeerReviewGroup update(long putCode, Fields fields, String clientId) {
        PeerReviewGroup current = sourced(putCode, clientId);
        Fields valid = validate(fields);
        Optional<PeerReviewGroup> other = this.groups.findByGroupId(valid.groupId());
        if (other.isPresent() && other.get().putCode() != current.putCode()) {
            throw duplicate(valid.groupId());
        }
        this.groups.update(putCode, valid.groupId(), valid.name(), valid.description(), valid.type(), Instant.now());
        return this.groups.find(putCode).orElseThrow();
    }

    @Transactional
    public void delete(long putCode, String clientId) {
        PeerReviewGroup current = sourced(putCode, clientId);
        if (this.groups.isReferenced(current.groupId())) {
            throw new GroupRefusal(GroupRefusal.Reason.REFERENCED, "The group " + current.groupId()
                    + " is used by peer reviews and cannot be deleted");
        }
        this.groups.delete(putCode);
    }

    /**
     * The group-id a peer review should carry: {@code issn:} ones normalised (and their group created on first
     * use); empty when no group has it.
     */
    @Transactional
    public Optional<String> groupIdForPeerReview(String groupId) {
        try {
            return findByGroupId(groupId).map(PeerReviewGroup::groupId);
        }
        catch (GroupRefusal invalidIssn) {
            return Optional.empty();
        }
    }

    /** {@code issn:} followed by ORCID's normal form of the ISSN ({@code 1234-567X}); any other value unchanged. */
    static String normaliseIssn(String groupId) {
        if (!groupId.regionMatches(true, 0, "issn:", 0, 5)) {
            return groupId;
        }
        Matcher issn = ISSN.matcher(groupId.substring(5).trim());
        return issn.matches() ? "issn:" + issn.group(1) + "-" + issn.group(2).toUpperCase(java.util.Locale.ROOT)
                : groupId;
    }

    private PeerReviewGroup createFromIssn(String groupId) {
        String issn = groupId.substring(5);
        if (!ISSN.matcher(issn).matches()) {
            throw new GroupRefusal(GroupRefusal.Reason.INVALID, "Invalid ISSN: '" + issn + "'");
        }
        try {
            long putCode = this.groups.insert(groupId, issn, issn, "journal", null, Instant.now());
            return this.groups.find(putCode).orElseThrow();
        }
        catch (DuplicateKeyException ex) {
            return this.groups.findByGroupId(groupId).orElseThrow();
        }
    }

    private PeerReviewGroup sourced(long putCode, String clientId) {
        PeerReviewGroup current = this.groups.find(putCode).orElseThrow(() -> new GroupRefusal(
                GroupRefusal.Reason.NOT_FOUND, "The group you are trying to access does not exist: " + putCode));
        if (current.sourceClientId() == null || !current.sourceClientId().equals(clientId)) {
            throw new GroupRefusal(GroupRefusal.Reason.NOT_SOURCE, "You are not the source of the group " + putCode);
        }
        return current;
    }

    private static Fields validate(Fields fields) {
        String name = fields.name() == null ? "" : CONTROL.matcher(fields.name()).replaceAll("").trim();
        String groupId = fields.groupId() == null ? "" : normaliseIssn(fields.groupId().trim());
        String description = fields.description() == null ? "" : fields.description().trim();
        String type = fields.type() == null ? "" : fields.type().trim();
        if (!GROUP_ID.matcher(groupId).matches() || groupId.length() > 1000) {
            throw new GroupRefusal(GroupRefusal.Reason.INVALID, "Invalid group-id: '" + groupId + "'");
        }
        if (name.isEmpty() || name.length() > 1000) {
            throw new GroupRefusal(GroupRefusal.Reason.INVALID, "The name is required (at most 1000 characters)");
        }
        if (description.isEmpty() || description.length() > 1000) {
            throw new GroupRefusal(GroupRefusal.Reason.INVALID,
                    "The description is required (at most 1000 characters)");
        }
        if (!TYPES.contains(type)) {
            throw new GroupRefusal(GroupRefusal.Reason.INVALID, "Invalid type: '" + type + "'; one of " + TYPES);
        }
        return new Fields(name, groupId, description, type);
    }

    private static GroupRefusal duplicate(String groupId) {
        return new GroupRefusal(GroupRefusal.Reason.DUPLICATE, "A group with the group-id " + groupId
                + " already exists");
    }
}
