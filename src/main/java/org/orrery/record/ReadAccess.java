package org.orrery.record;

import java.util.Objects;
import java.util.Set;

import org.orrery.clients.Scopes;

/**
 * Who is reading a record, and which items they may see (ORCID compat §9). The public API sees public items
 * only. A member client sees an item when it is public (and the token carries {@code /read-public}), when the
 * client is the item's source, or when the token carries the section's read-limited scope and the item is not
 * private. The researcher sees everything on their own record.
 * <p>
 * Two accesses are equal when they see exactly the same: same face, same client, same scopes.
 */
public final class ReadAccess {

    /** Why a single item may not be seen. */
    public enum Denial {
        /** Public API, item not public (ORCID 9039). */
        NOT_PUBLIC,
        /** Member API, item private and the client is not its source (ORCID 9013). */
        PRIVATE,
        /** Member API, the token lacks the section's read-limited scope (ORCID 9038). */
        MISSING_SCOPE
    }

    private enum Mode {
        PUBLIC_API, MEMBER, OWNER
    }

    private final Mode mode;

    private final String clientId;

    private final Set<String> scopes;

    private ReadAccess(Mode mode, String clientId, Set<String> scopes) {
        this.mode = mode;
        this.clientId = clientId;
        this.scopes = Set.copyOf(scopes);
    }

    public static ReadAccess publicApi() {
        return new ReadAccess(Mode.PUBLIC_API, null, Set.of());
    }

    /** A member-API caller: its client id and its token's expanded scopes. */
    public static ReadAccess member(String clientId, Set<String> expandedScopes) {
        return new ReadAccess(Mode.MEMBER, clientId, expandedScopes);
    }

    /** The researcher on their own record pages. */
    public static ReadAccess owner() {
        return new ReadAccess(Mode.OWNER, null, Set.of());
    }

    /** The researcher on their own record pages. */
    public boolean isOwner() {
        return this.mode == Mode.OWNER;
    }

    public boolean isPublicApi() {
        return this.mode == Mode.PUBLIC_API;
    }

    public boolean hasScope(String scope) {
        return this.scopes.contains(scope);
    }

    public boolean canSee(RecordItem item) {
        return denial(item.type(), item.visibility(), item.source()) == null;
    }

    /** Null when an element of this kind, visibility and source may be seen; otherwise why not. */
    public Denial denial(ItemType type, Visibility visibility, Source source) {
        String readLimited = type == null ? Scopes.BIO_READ_LIMITED : type.readLimitedScope();
        if (type == ItemType.EMAIL && this.mode == Mode.MEMBER && hasScope(Scopes.EMAIL_READ_PRIVATE)) {
            return null;
        }
        return switch (this.mode) {
            case OWNER -> null;
            case PUBLIC_API -> visibility == Visibility.PUBLIC ? null : Denial.NOT_PUBLIC;
            case MEMBER -> {
                if (visibility == Visibility.PUBLIC && hasScope(Scopes.READ_PUBLIC)) {
                    yield null;
                }
                if (source != null && source.isClient(this.clientId)) {
                    yield null;
                }
                if (visibility == Visibility.PRIVATE) {
                    yield Denial.PRIVATE;
                }
                yield hasScope(readLimited) ? null : Denial.MISSING_SCOPE;
            }
        };
    }

    /** For the name and biography, which the researcher is always the source of. */
    public boolean canSeePersonField(Visibility visibility) {
        return denial(null, visibility, null) == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadAccess access && this.mode == access.mode
                && Objects.equals(this.clientId, access.clientId) && this.scopes.equals(access.scopes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.mode, this.clientId, this.scopes);
    }
}
