package org.orrery.record;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.orrery.clients.Scopes;
import org.orrery.record.schema.ItemSchemas;
import org.orrery.record.schema.Node;

/**
 * The kinds of record item: their URL segments, element trees, and the scopes that read and write them
 * (ORCID compat §9: section read-limited scopes; create or update scopes for writes).
 */
public enum ItemType {

    OTHER_NAME("other-names", "other-names", "other name", ItemSchemas.otherName(), null),
    RESEARCHER_URL("researcher-urls", "researcher-urls", "researcher url", ItemSchemas.researcherUrl(), null),
    EMAIL("email", "email", "email", ItemSchemas.email(), null),
    ADDRESS("address", "address", "address", ItemSchemas.address(), null),
    KEYWORD("keywords", "keywords", "keyword", ItemSchemas.keyword(), null),
    EXTERNAL_IDENTIFIER("external-identifiers", "external-identifiers", "external identifier",
            ItemSchemas.externalIdentifier(), null),

    DISTINCTION("distinction", "distinctions", "distinction", ItemSchemas.affiliation("distinction"),
            ItemSchemas.affiliationSummary("distinction")),
    EDUCATION("education", "educations", "education", ItemSchemas.affiliation("education"),
            ItemSchemas.affiliationSummary("education")),
    EMPLOYMENT("employment", "employments", "employment", ItemSchemas.affiliation("employment"),
            ItemSchemas.affiliationSummary("employment")),
    FUNDING("funding", "fundings", "funding", ItemSchemas.funding(), ItemSchemas.fundingSummary()),
    INVITED_POSITION("invited-position", "invited-positions", "invited position",
            ItemSchemas.affiliation("invited-position"), ItemSchemas.affiliationSummary("invited-position")),
    MEMBERSHIP("membership", "memberships", "membership", ItemSchemas.affiliation("membership"),
            ItemSchemas.affiliationSummary("membership")),
    PEER_REVIEW("peer-review", "peer-reviews", "peer review", ItemSchemas.peerReview(),
            ItemSchemas.peerReviewSummary()),
    QUALIFICATION("qualification", "qualifications", "qualification", ItemSchemas.affiliation("qualification"),
            ItemSchemas.affiliationSummary("qualification")),
    RESEARCH_RESOURCE("research-resource", "research-resources", "research resource",
            ItemSchemas.researchResource(), ItemSchemas.researchResourceSummary()),
    SERVICE("service", "services", "service", ItemSchemas.affiliation("service"),
            ItemSchemas.affiliationSummary("service")),
    WORK("work", "works", "work", ItemSchemas.work(), ItemSchemas.workSummary());

    private static final Set<ItemType> AFFILIATIONS = Set.of(DISTINCTION, EDUCATION, EMPLOYMENT, INVITED_POSITION,
            MEMBERSHIP, QUALIFICATION, SERVICE);

    private final String itemPath;

    private final String listPath;

    private final String label;

    private final Node schema;

    private final Node summarySchema;

    ItemType(String itemPath, String listPath, String label, Node schema, Node summarySchema) {
        this.itemPath = itemPath;
        this.listPath = listPath;
        this.label = label;
        this.schema = schema;
        this.summarySchema = summarySchema;
    }

    /** The URL segment of one item and of POST ({@code work}, {@code other-names}, {@code address}). */
    public String itemPath() {
        return this.itemPath;
    }

    /** The URL segment of the section list ({@code works}, {@code other-names}). */
    public String listPath() {
        return this.listPath;
    }

    /** How messages name the kind ({@code work}, {@code other name}). */
    public String label() {
        return this.label;
    }

    public Node schema() {
        return this.schema;
    }

    /** The summary's element tree; null for person items, which have none. */
    public Node summarySchema() {
        return this.summarySchema;
    }

    public Section section() {
        return this.summarySchema == null ? Section.PERSON : Section.ACTIVITY;
    }

    public boolean isAffiliation() {
        return AFFILIATIONS.contains(this);
    }

    /** The scope that lets a client read this section's limited and registered-only items. */
    public String readLimitedScope() {
        if (section() == Section.PERSON) {
            return Scopes.BIO_READ_LIMITED;
        }
        return switch (this) {
            case WORK -> Scopes.WORKS_READ_LIMITED;
            case FUNDING -> Scopes.FUNDING_READ_LIMITED;
            case PEER_REVIEW -> Scopes.PEER_REVIEW_READ_LIMITED;
            default -> Scopes.AFFILIATIONS_READ_LIMITED;
        };
    }

    /** Scopes that allow POST (any one suffices). */
    public List<String> createScopes() {
        return switch (this) {
            case EXTERNAL_IDENTIFIER -> List.of(Scopes.BIO_UPDATE, Scopes.BIO_EXTERNAL_IDS_CREATE);
            case RESEARCH_RESOURCE -> List.of(Scopes.ACTIVITIES_UPDATE);
            default -> section() == Section.PERSON ? List.of(Scopes.BIO_UPDATE)
                    : List.of(writePrefix() + "/create", writePrefix() + "/update");
        };
    }

    /** Scopes that allow PUT (any one suffices); DELETE needs {@link #deleteScopes()}. */
    public List<String> updateScopes() {
        return switch (this) {
            case EXTERNAL_IDENTIFIER -> List.of(Scopes.BIO_UPDATE, Scopes.BIO_EXTERNAL_IDS_CREATE);
            default -> deleteScopes();
        };
    }

    public List<String> deleteScopes() {
        return switch (this) {
            case RESEARCH_RESOURCE -> List.of(Scopes.ACTIVITIES_UPDATE);
            default -> section() == Section.PERSON ? List.of(Scopes.BIO_UPDATE) : List.of(writePrefix() + "/update");
        };
    }

    private String writePrefix() {
        return switch (this) {
            case WORK -> "/orcid-works";
            case FUNDING -> "/funding";
            case PEER_REVIEW -> "/peer-review";
            default -> "/affiliations";
        };
    }

    /** True for the kinds a client may write through the API (emails are read-only there). */
    public boolean isWritableByApi() {
        return this != EMAIL;
    }

    public static ItemType byItemPath(String segment) {
        for (ItemType type : values()) {
            if (type.itemPath.equals(segment)) {
                return type;
            }
        }
        return null;
    }

    public static ItemType byListPath(String segment) {
        for (ItemType type : values()) {
            if (type.listPath.equals(segment)) {
                return type;
            }
        }
        return null;
    }

    public static List<ItemType> of(Section section) {
        return Arrays.stream(values()).filter(type -> type.section() == section).toList();
    }
}
