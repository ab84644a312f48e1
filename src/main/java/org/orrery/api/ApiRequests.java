package org.orrery.api;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.Scopes;
import org.orrery.oauth.OrreryProperties;
import org.orrery.record.ItemType;
import org.orrery.record.PutCode;
import org.orrery.record.ReadAccess;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordReader;
import org.orrery.registry.Researcher;
import org.orrery.registry.VersionedResearcher;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * The steps every API request shares: which face it came in on, the negotiated format, the caller's access to
 * the record, the record itself, and a single item with ORCID's refusals (9016, 9034, 9039, 9013, 9038).
 */
@Component
class ApiRequests {

    static final String MEMBER = "/api/v3.0";

    static final String PUBLIC = "/pub/v3.0";

    private final RecordReader reader;

    private final ItemJson itemJson;

    private final RecordDocuments documents;

    private final String baseUrl;

    ApiRequests(RecordReader reader, OrreryProperties properties) {
        this.reader = reader;
        this.baseUrl = properties.baseUrl();
        this.itemJson = new ItemJson(properties.baseUrl());
        this.documents = new RecordDocuments(this.itemJson);
    }

    /**
     * A request under way: its format, its caller, the record it is about and that record's version when the
     * request started.
     */
    record Context(MediaType type, Caller caller, Researcher researcher, long recordVersion) {

        String orcid() {
            return this.researcher.orcid().value();
        }

        ReadAccess access() {
            return this.caller.access();
        }
    }

    /** Starts a read: format, caller checks, record lookup and the {@code /read-public} check. */
    Context read(HttpServletRequest request, Authentication authentication, String orcid) {
        Context context = start(request, authentication, orcid);
        if (!context.caller().publicApi()) {
            context.caller().requireAnyScope(List.of(Scopes.READ_PUBLIC));
        }
        return context;
    }

    /** Starts a write on the member API: format, caller checks and the record. */
    Context write(HttpServletRequest request, Authentication authentication, String orcid, List<String> scopes) {
        MediaType type = ApiResponder.negotiate(request);
        Optional<VersionedResearcher> found = lookUp(orcid);
        Caller caller = Caller.of(false, authentication);
        caller.requireWrite(orcid, scopes);
        return context(type, caller, orcid, found);
    }

    private Context start(HttpServletRequest request, Authentication authentication, String orcid) {
        MediaType type = ApiResponder.negotiate(request);
        Optional<VersionedResearcher> found = lookUp(orcid);
        Caller caller = Caller.of(isPublic(request), authentication);
        caller.checkMemberAccess(orcid);
        return context(type, caller, orcid, found);
    }

    /**
     * The researcher, their record's version and its state, in one query. A record that is not active is refused
     * here, before the caller's scopes are looked at (as ORCID checks the profile first); a missing one is
     * refused after them.
     */
    private Optional<VersionedResearcher> lookUp(String orcid) {
        Optional<VersionedResearcher> found = this.reader.versionedResearcher(orcid);
        found.ifPresent(researcher -> RecordStateRefusal.check(researcher, this.baseUrl));
        return found;
    }

    private static Context context(MediaType type, Caller caller, String orcid, Optional<VersionedResearcher> found) {
        VersionedResearcher researcher = found.orElseThrow(() -> new ApiException(OrcidError.recordNotFound(orcid)));
        return new Context(type, caller, researcher.researcher(), researcher.recordVersion());
    }

    static boolean isPublic(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/pub/");
    }

    static PutCode putCode(String text) {
        PutCode putCode = PutCode.parseOrNull(text);
        if (putCode == null) {
            throw new ApiException(OrcidError.invalidPutCode(text));
        }
        return putCode;
    }

    /** The item of this kind with this put-code, or 404/9016. */
    RecordItem item(Context context, ItemType type, PutCode putCode) {
        return this.reader.item(context.researcher(), putCode)
            .filter(found -> found.type() == type)
            .orElseThrow(() -> new ApiException(
                    OrcidError.itemNotFound(type.label(), putCode.toString(), context.orcid())));
    }

    /** The item if the caller may see it, else ORCID's 403 for the reason. */
    RecordItem visibleItem(Context context, ItemType type, PutCode putCode) {
        RecordItem item = item(context, type, putCode);
        OrcidError refusal = refusal(context.access(), item);
        if (refusal != null) {
            throw new ApiException(refusal);
        }
        return item;
    }

    static OrcidError refusal(ReadAccess access, RecordItem item) {
        ReadAccess.Denial denial = access.denial(item.type(), item.visibility(), item.source());
        if (denial == null) {
            return null;
        }
        return switch (denial) {
            case NOT_PUBLIC -> OrcidError.notPublic(item.type().label(), item.putCode().value());
            case PRIVATE -> OrcidError.privateItem(item.type().label(), item.putCode().value());
            case MISSING_SCOPE -> OrcidError.missingScope(item.type().readLimitedScope());
        };
    }

    RecordReader reader() {
        return this.reader;
    }

    ItemJson itemJson() {
        return this.itemJson;
    }

    RecordDocuments documents() {
        return this.documents;
    }

    ObjectNode orcidIdentifier(String orcid) {
        return this.itemJson.identifier(this.baseUrl + "/" + orcid, orcid);
    }

    /** Where a new item can be read on the member API. */
    String location(String orcid, ItemType type, PutCode putCode) {
        return this.baseUrl + MEMBER + "/" + orcid + "/" + type.itemPath() + "/" + putCode.value();
    }
}
