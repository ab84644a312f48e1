package org.orrery.api;

import static org.orrery.api.ApiRequests.MEMBER;
import static org.orrery.api.ApiRequests.PUBLIC;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.ApiClient;
import org.orrery.clients.ClientRepository;
import org.orrery.clients.Scopes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3.0/client/{client_id}} on both faces (wave-2 spec §3): any client's name and description, never its
 * website, redirect URIs or secrets; {@code client-3.0.xsd}'s {@code client:client} in XML. The member API needs
 * {@code /read-public}, the public API answers anyone. An unknown id is 404/9016.
 */
@RestController
class ClientSummaryController {

    static final String NAMESPACE = "http://www.orcid.org/ns/client";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ClientRepository clients;

    ClientSummaryController(ClientRepository clients) {
        this.clients = clients;
    }

    @GetMapping({ MEMBER + "/client/{clientId}", PUBLIC + "/client/{clientId}" })
    ResponseEntity<byte[]> client(@PathVariable String clientId, HttpServletRequest request, Authentication auth) {
        MediaType type = ApiResponder.negotiate(request);
        Caller caller = Caller.of(ApiRequests.isPublic(request), auth);
        if (!caller.publicApi()) {
            if (caller.clientType() == org.orrery.clients.ClientType.PUBLIC) {
                throw new ApiException(OrcidError.clientForbidden());
            }
            caller.requireAnyScope(java.util.List.of(Scopes.READ_PUBLIC));
        }
        ApiClient client = this.clients.findById(clientId).orElseThrow(() -> new ApiException(new OrcidError(404,
                "404 Not Found: The resource was not found. Full validation error: No client with id " + clientId,
                "The resource was not found.", 9016)));
        String name = client.name() == null ? "" : client.name();
        String description = client.description() == null ? "" : client.description();
        if (ApiMediaTypes.isJson(type)) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("description", description);
            return ApiResponder.respond(200, type, JSON.writeValueAsBytes(body));
        }
        return ApiResponder.respond(200, type, xml(name, description).getBytes(StandardCharsets.UTF_8));
    }

    private static String xml(String name, String description) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("client", NAMESPACE);
            xml.writeStartElement(NAMESPACE, "client");
            xml.writeNamespace("client", NAMESPACE);
            xml.writeStartElement(NAMESPACE, "name");
            xml.writeCharacters(name);
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "description");
            xml.writeCharacters(description);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write XML", ex);
        }
        return out.toString();
    }
}
