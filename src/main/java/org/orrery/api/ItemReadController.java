package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.record.ItemType;
import org.orrery.record.PutCode;
import org.orrery.record.RecordItem;
import org.orrery.record.Section;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading single items on both faces: {@code /work/{put-code}}, {@code /other-names/{put-code}}, ... and the
 * activity summaries {@code /work/summary/{put-code}}.
 */
@RestController
class ItemReadController {

    private final ApiRequests requests;

    ItemReadController(ApiRequests requests) {
        this.requests = requests;
    }

    @GetMapping({ MEMBER + "/{orcid}/{kind}/{putCode}", PUBLIC + "/{orcid}/{kind}/{putCode}" })
    ResponseEntity<byte[]> item(@PathVariable String orcid, @PathVariable String kind, @PathVariable String putCode,
            HttpServletRequest request, Authentication auth) {
        ItemType type = itemType(kind, request);
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        PutCode code = ApiRequests.putCode(putCode);
        RecordItem item = this.requests.visibleItem(context, type, code);
        return RecordReadController.ok(context, new Doc(type.schema(), this.requests.itemJson().full(item)));
    }

    @GetMapping({ MEMBER + "/{orcid}/{kind}/summary/{putCode}", PUBLIC + "/{orcid}/{kind}/summary/{putCode}" })
    ResponseEntity<byte[]> summary(@PathVariable String orcid, @PathVariable String kind,
            @PathVariable String putCode, HttpServletRequest request, Authentication auth) {
        ItemType type = itemType(kind, request);
        if (type.section() != Section.ACTIVITY) {
            throw new ApiException(OrcidError.notFound(request.getRequestURI()));
        }
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        RecordItem item = this.requests.visibleItem(context, type, ApiRequests.putCode(putCode));
        return RecordReadController.ok(context,
                new Doc(type.summarySchema(), this.requests.itemJson().summary(item)));
    }

    static ItemType itemType(String kind, HttpServletRequest request) {
        ItemType type = ItemType.byItemPath(kind);
        if (type == null || type == ItemType.EMAIL) {
            throw new ApiException(OrcidError.notFound(request.getRequestURI()));
        }
        return type;
    }
}
