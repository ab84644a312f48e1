package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.record.ItemType;
import org.orrery.record.RecordView;
import org.orrery.record.Section;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading whole documents on both faces: {@code /record}, {@code /person}, {@code /personal-details},
 * {@code /activities}, {@code /biography}, {@code /email} and every section list.
 */
@RestController
class RecordReadController {

    private final ApiRequests requests;

    RecordReadController(ApiRequests requests) {
        this.requests = requests;
    }

    @GetMapping({ MEMBER + "/{orcid}/record", MEMBER + "/{orcid}", PUBLIC + "/{orcid}/record", PUBLIC + "/{orcid}" })
    ResponseEntity<byte[]> record(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordView view = this.requests.reader().view(context.researcher(), context.access());
        return ok(context, this.requests.documents().record(view, this.requests.orcidIdentifier(orcid)));
    }

    @GetMapping({ MEMBER + "/{orcid}/person", PUBLIC + "/{orcid}/person" })
    ResponseEntity<byte[]> person(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordView view = this.requests.reader()
            .view(context.researcher(), context.access(), ItemType.of(Section.PERSON));
        return ok(context, this.requests.documents().person(view));
    }

    @GetMapping({ MEMBER + "/{orcid}/personal-details", PUBLIC + "/{orcid}/personal-details" })
    ResponseEntity<byte[]> personalDetails(@PathVariable String orcid, HttpServletRequest request,
            Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordView view = this.requests.reader()
            .view(context.researcher(), context.access(), List.of(ItemType.OTHER_NAME));
        return ok(context, this.requests.documents().personalDetails(view));
    }

    @GetMapping({ MEMBER + "/{orcid}/activities", PUBLIC + "/{orcid}/activities" })
    ResponseEntity<byte[]> activities(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordView view = this.requests.reader()
            .view(context.researcher(), context.access(), ItemType.of(Section.ACTIVITY));
        return ok(context, this.requests.documents().activities(view));
    }

    @GetMapping({ MEMBER + "/{orcid}/biography", PUBLIC + "/{orcid}/biography" })
    ResponseEntity<byte[]> biography(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordView view = this.requests.reader().view(context.researcher(), context.access(), List.of());
        Doc biography = this.requests.documents().biographyDoc(view);
        if (biography.json() == null || biography.json().isNull()) {
            throw new ApiException(OrcidError.noBiography(orcid));
        }
        return ok(context, biography);
    }

    @GetMapping({ MEMBER + "/{orcid}/{section}", PUBLIC + "/{orcid}/{section}" })
    ResponseEntity<byte[]> section(@PathVariable String orcid, @PathVariable String section,
            HttpServletRequest request, Authentication auth) {
        ItemType type = ItemType.byListPath(section);
        if (type == null) {
            throw new ApiException(OrcidError.notFound(request.getRequestURI()));
        }
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordView view = this.requests.reader().view(context.researcher(), context.access(), List.of(type));
        Doc doc = type.section() == Section.PERSON ? this.requests.documents().personSection(view, type)
                : this.requests.documents().activitySection(view, type);
        return ok(context, doc);
    }

    static ResponseEntity<byte[]> ok(ApiRequests.Context context, Doc doc) {
        return ApiResponder.respond(200, context.type(), doc);
    }
}
