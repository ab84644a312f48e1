package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

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
 * {@code /activities}, {@code /biography}, {@code /email} and every section list. Answers are rendered once per
 * record version, document, format and reader, and then served from the {@link AnswerCache}.
 */
@RestController
class RecordReadController {

    private final ApiRequests requests;

    private final AnswerCache answers;

    RecordReadController(ApiRequests requests, AnswerCache answers) {
        this.requests = requests;
        this.answers = answers;
    }

    @GetMapping({ MEMBER + "/{orcid}/record", MEMBER + "/{orcid}", PUBLIC + "/{orcid}/record", PUBLIC + "/{orcid}" })
    ResponseEntity<byte[]> record(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        return answer(context, "record", () -> {
            RecordView view = this.requests.reader().view(context.researcher(), context.access());
            return this.requests.documents().record(view, this.requests.orcidIdentifier(context.orcid()));
        });
    }

    @GetMapping({ MEMBER + "/{orcid}/person", PUBLIC + "/{orcid}/person" })
    ResponseEntity<byte[]> person(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        return answer(context, "person",
                () -> this.requests.documents().person(view(context, ItemType.of(Section.PERSON))));
    }

    @GetMapping({ MEMBER + "/{orcid}/personal-details", PUBLIC + "/{orcid}/personal-details" })
    ResponseEntity<byte[]> personalDetails(@PathVariable String orcid, HttpServletRequest request,
            Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        return answer(context, "personal-details",
                () -> this.requests.documents().personalDetails(view(context, List.of(ItemType.OTHER_NAME))));
    }

    @GetMapping({ MEMBER + "/{orcid}/activities", PUBLIC + "/{orcid}/activities" })
    ResponseEntity<byte[]> activities(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        return answer(context, "activities",
                () -> this.requests.documents().activities(view(context, ItemType.of(Section.ACTIVITY))));
    }

    @GetMapping({ MEMBER + "/{orcid}/biography", PUBLIC + "/{orcid}/biography" })
    ResponseEntity<byte[]> biography(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        // A refusal is thrown out of the rendering, so only answers that have a biography are kept.
        return answer(context, "biography", () -> {
            Doc biography = this.requests.documents().biographyDoc(view(context, List.of()));
            if (biography.json() == null || biography.json().isNull()) {
                throw new ApiException(OrcidError.noBiography(orcid));
            }
            return biography;
        });
    }

    @GetMapping({ MEMBER + "/{orcid}/{section}", PUBLIC + "/{orcid}/{section}" })
    ResponseEntity<byte[]> section(@PathVariable String orcid, @PathVariable String section,
            HttpServletRequest request, Authentication auth) {
        ItemType type = ItemType.byListPath(section);
        if (type == null) {
            throw new ApiException(OrcidError.notFound(request.getRequestURI()));
        }
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        return answer(context, "section " + type.name(), () -> {
            RecordView view = view(context, List.of(type));
            return type.section() == Section.PERSON ? this.requests.documents().personSection(view, type)
                    : this.requests.documents().activitySection(view, type);
        });
    }

    static ResponseEntity<byte[]> ok(ApiRequests.Context context, Doc doc) {
        return ApiResponder.respond(200, context.type(), doc);
    }

    /** The record as this reader sees it, with only these kinds of item. */
    private RecordView view(ApiRequests.Context context, Collection<ItemType> types) {
        return this.requests.reader().view(context.researcher(), context.access(), types);
    }

    /** The kept answer for this reader of this version of the document, or a freshly rendered one. */
    private ResponseEntity<byte[]> answer(ApiRequests.Context context, String document, Supplier<Doc> build) {
        AnswerCache.Key key = new AnswerCache.Key(context.orcid(), context.recordVersion(), document,
                ApiMediaTypes.isJson(context.type()), context.access());
        byte[] body = this.answers.answer(key, () -> ApiResponder.render(context.type(), build.get()));
        return ApiResponder.respond(200, context.type(), body);
    }
}
