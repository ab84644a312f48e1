package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.record.ItemType;
import org.orrery.record.PutCode;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordWriter;
import org.orrery.record.schema.DocumentSchemas;
import org.orrery.record.schema.InvalidBodyException;
import org.orrery.record.schema.Node;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk works: {@code GET /works/{pc1,pc2,...}} reads up to 100 works, and {@code POST /works} adds up to 100;
 * each entry of the answer is the work or the error that one work met.
 */
@RestController
class BulkWorksController {

    static final int MAX = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiRequests requests;

    private final RecordWriter writer;

    BulkWorksController(ApiRequests requests, RecordWriter writer) {
        this.requests = requests;
        this.writer = writer;
    }

    @GetMapping({ MEMBER + "/{orcid}/works/{putCodes}", PUBLIC + "/{orcid}/works/{putCodes}" })
    ResponseEntity<byte[]> read(@PathVariable String orcid, @PathVariable String putCodes, HttpServletRequest request,
            Authentication auth) {
        ApiRequests.Context context = this.requests.read(request, auth, orcid);
        String[] codes = putCodes.split(",");
        if (codes.length > MAX) {
            throw new ApiException(OrcidError.badRequest("At most " + MAX + " put-codes may be read at once"));
        }
        ArrayNode entries = NODES.arrayNode();
        for (String text : codes) {
            try {
                RecordItem work = this.requests.visibleItem(context, ItemType.WORK, ApiRequests.putCode(text.trim()));
                entries.addObject().set("work", this.requests.itemJson().full(work));
            }
            catch (ApiException ex) {
                entries.addObject().set("error", ex.error().toJson());
            }
        }
        return RecordReadController.ok(context, bulk(entries));
    }

    @PostMapping(MEMBER + "/{orcid}/works")
    ResponseEntity<byte[]> add(@PathVariable String orcid, HttpServletRequest request, Authentication auth) {
        ApiRequests.Context context = this.requests.write(request, auth, orcid, ItemType.WORK.createScopes());
        MediaType contentType = ApiBodies.contentType(request.getContentType());
        List<JsonNode> works = works(contentType, ApiBodies.body(request));
        if (works.size() > MAX) {
            throw new ApiException(OrcidError.badRequest("You are allowed to add up to " + MAX
                    + " elements per request."));
        }
        ArrayNode entries = NODES.arrayNode();
        for (JsonNode work : works) {
            try {
                ApiBodies.Incoming incoming = ApiBodies.incoming(ItemType.WORK.schema(), work);
                if (incoming.putCode() != null) {
                    throw new ApiException(OrcidError.putCodeOnPost());
                }
                RecordItem added = RecordRules.apply(() -> this.writer.add(orcid, ItemType.WORK, incoming.body(),
                        context.caller().clientId()));
                entries.addObject().set("work", this.requests.itemJson().full(added));
            }
            catch (ApiException ex) {
                entries.addObject().set("error", ex.error().toJson());
            }
        }
        return RecordReadController.ok(context, bulk(entries));
    }

    private static Doc bulk(ArrayNode entries) {
        ObjectNode json = NODES.objectNode();
        json.set("bulk", entries);
        return new Doc(DocumentSchemas.bulk(ItemType.WORK.schema()), json);
    }

    /** The works of a bulk body, each still unchecked (one bad work does not spoil the others). */
    private static List<JsonNode> works(MediaType type, byte[] body) {
        Node workSchema = ItemType.WORK.schema();
        List<JsonNode> works = new ArrayList<>();
        if (ApiMediaTypes.isJson(type)) {
            JsonNode tree = ApiBodies.tree(workSchema, type, body);
            JsonNode bulk = tree.get("bulk");
            if (bulk == null || !bulk.isArray()) {
                throw new ApiException(OrcidError.invalidBody("bulk is required and must be a list"));
            }
            for (JsonNode entry : bulk) {
                JsonNode work = entry.get("work");
                works.add(work == null ? NODES.nullNode() : work);
            }
            return works;
        }
        try {
            if (body == null || body.length == 0) {
                throw new InvalidBodyException("bulk", "is required in the body");
            }
            Element root = XmlReader.parseRoot(body);
            if (!"bulk".equals(root.getLocalName())) {
                throw new InvalidBodyException(root.getLocalName(), "is not the expected element bulk:bulk");
            }
            for (Element child = XmlReader.firstChild(root); child != null; child = XmlReader.nextSibling(child)) {
                if (!XmlReader.matches(workSchema, child)) {
                    throw new InvalidBodyException("bulk/" + child.getLocalName(), "is not a known element");
                }
                works.add(XmlReader.group(workSchema, child, "work"));
            }
        }
        catch (InvalidBodyException ex) {
            throw new ApiException(OrcidError.invalidBody(ex.getMessage()));
        }
        return works;
    }
}
