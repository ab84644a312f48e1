package org.orrery.api;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.orrery.notifications.Notification;
import org.orrery.notifications.NotificationItem;
import org.orrery.notifications.PermissionRequest;
import org.orrery.record.schema.InvalidBodyException;
import org.springframework.http.MediaType;
import org.w3c.dom.Element;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Permission notifications as ORCID writes and reads them (MODEL {@code notification-permission-3.0.xsd}, wave-2
 * spec §4.1): root {@code notification:notification}, a list under {@code notification:notifications}. The
 * authorization URL is answered with this registry's base URL ({@code uri}), the {@code path} and the
 * {@code host}. In JSON the dates are epoch milliseconds (ORCID's {@code XMLGregorianCalendar} fields through
 * Jackson). Posted read-only fields (dates, source) are ignored; a posted put-code is refused by the controller.
 */
final class NotificationDocuments {

    static final String NS = "http://www.orcid.org/ns/notification";

    static final String COMMON = "http://www.orcid.org/ns/common";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotificationDocuments() {
    }

    /** A posted notification and the put-code it carried (null when none). */
    record Incoming(PermissionRequest request, String putCode) {
    }

    static byte[] one(MediaType type, Notification notification, String baseUrl) {
        if (ApiMediaTypes.isJson(type)) {
            return JSON.writeValueAsBytes(json(notification, baseUrl));
        }
        return xml(out -> write(out, notification, baseUrl, "notification", true));
    }

    static byte[] list(MediaType type, List<Notification> notifications, String baseUrl) {
        if (ApiMediaTypes.isJson(type)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("notification", notifications.stream().map(n -> json(n, baseUrl)).toList());
            return JSON.writeValueAsBytes(body);
        }
        return xml(out -> {
            out.writeStartElement(NS, "notifications");
            out.writeNamespace("notification", NS);
            out.writeNamespace("common", COMMON);
            for (Notification notification : notifications) {
                write(out, notification, baseUrl, "notification", false);
            }
            out.writeEndElement();
        });
    }

    static Incoming read(MediaType type, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(OrcidError.invalidBody("notification is required in the body"));
        }
        if (ApiMediaTypes.isJson(type)) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            }
            catch (JacksonException ex) {
                throw new ApiException(OrcidError.invalidBody("the body is not valid JSON"));
            }
            if (json == null || !json.isObject()) {
                throw new ApiException(OrcidError.invalidBody("notification must be a JSON object"));
            }
            JsonNode url = json.path("authorization-url");
            List<NotificationItem> items = new ArrayList<>();
            JsonNode itemList = json.path("items").path("item");
            if (itemList.isObject()) {
                items.add(item(itemList));
            }
            else {
                for (JsonNode item : itemList) {
                    items.add(item(item));
                }
            }
            JsonNode putCode = json.get("put-code");
            return new Incoming(new PermissionRequest(string(json.get("notification-type")), string(url.get("uri")),
                    string(url.get("path")), string(json.get("notification-subject")),
                    string(json.get("notification-intro")), items),
                    putCode == null || putCode.isNull() ? null : putCode.asString());
        }
        try {
            Element root = XmlReader.parseRoot(body);
            if (!NS.equals(root.getNamespaceURI()) || !"notification".equals(root.getLocalName())) {
                throw new ApiException(OrcidError.invalidBody("the root element must be notification:notification"));
            }
            Element url = child(root, NS, "authorization-url");
            List<NotificationItem> items = new ArrayList<>();
            Element itemsElement = child(root, NS, "items");
            if (itemsElement != null) {
                for (Element item : children(itemsElement, NS, "item")) {
                    Element ext = child(item, COMMON, "external-id");
                    items.add(new NotificationItem(text(item, NS, "item-type"), text(item, NS, "item-name"),
                            ext == null ? null : new NotificationItem.ExternalId(text(ext, COMMON, "external-id-type"),
                                    text(ext, COMMON, "external-id-value"), text(ext, COMMON, "external-id-url"),
                                    text(ext, COMMON, "external-id-relationship")), null));
                }
            }
            return new Incoming(new PermissionRequest(text(root, NS, "notification-type"),
                    url == null ? null : text(url, NS, "uri"), url == null ? null : text(url, NS, "path"),
                    text(root, NS, "notification-subject"), text(root, NS, "notification-intro"), items),
                    root.hasAttribute("put-code") ? root.getAttribute("put-code") : null);
        }
        catch (InvalidBodyException ex) {
            throw new ApiException(OrcidError.invalidBody(ex.getMessage()));
        }
    }

    private static NotificationItem item(JsonNode item) {
        JsonNode ext = item.get("external-id");
        return new NotificationItem(string(item.get("item-type")), string(item.get("item-name")),
                ext == null || !ext.isObject() ? null : new NotificationItem.ExternalId(
                        string(ext.get("external-id-type")), string(ext.get("external-id-value")),
                        string(ext.get("external-id-url")), string(ext.get("external-id-relationship"))),
                null);
    }

    private static Map<String, Object> json(Notification n, String baseUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("put-code", n.putCode());
        body.put("notification-type", "permission");
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("uri", baseUrl + n.authorizationPath());
        url.put("path", n.authorizationPath());
        url.put("host", host(baseUrl));
        body.put("authorization-url", url);
        body.put("notification-subject", n.subject());
        body.put("notification-intro", n.intro());
        List<Map<String, Object>> items = new ArrayList<>();
        for (NotificationItem item : n.items()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item-type", item.itemType());
            entry.put("item-name", item.itemName());
            NotificationItem.ExternalId ext = item.externalId();
            if (ext == null) {
                entry.put("external-id", null);
            }
            else {
                Map<String, Object> id = new LinkedHashMap<>();
                id.put("external-id-type", ext.type());
                id.put("external-id-value", ext.value());
                id.put("external-id-url", ext.url() == null ? null : Map.of("value", ext.url()));
                id.put("external-id-relationship", ext.relationship());
                entry.put("external-id", id);
            }
            items.add(entry);
        }
        body.put("items", Map.of("item", items));
        body.put("created-date", millis(n.createdAt()));
        body.put("sent-date", millis(n.sentAt()));
        body.put("read-date", millis(n.readAt()));
        body.put("actioned-date", millis(n.actionedAt()));
        body.put("archived-date", millis(n.archivedAt()));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source-orcid", null);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("uri", baseUrl + "/client/" + n.clientId());
        client.put("path", n.clientId());
        client.put("host", host(baseUrl));
        source.put("source-client-id", client);
        source.put("source-name", n.clientName() == null ? null : Map.of("value", n.clientName()));
        body.put("source", source);
        return body;
    }

    private static void write(XMLStreamWriter out, Notification n, String baseUrl, String name, boolean root)
            throws XMLStreamException {
        out.writeStartElement(NS, name);
        if (root) {
            out.writeNamespace("notification", NS);
            out.writeNamespace("common", COMMON);
        }
        out.writeAttribute("put-code", String.valueOf(n.putCode()));
        text(out, NS, "notification-type", "permission");
        out.writeStartElement(NS, "authorization-url");
        text(out, NS, "uri", baseUrl + n.authorizationPath());
        text(out, NS, "path", n.authorizationPath());
        text(out, NS, "host", host(baseUrl));
        out.writeEndElement();
        text(out, NS, "notification-subject", n.subject() == null ? "" : n.subject());
        text(out, NS, "notification-intro", n.intro() == null ? "" : n.intro());
        out.writeStartElement(NS, "items");
        for (NotificationItem item : n.items()) {
            out.writeStartElement(NS, "item");
            text(out, NS, "item-type", item.itemType());
            text(out, NS, "item-name", item.itemName());
            NotificationItem.ExternalId ext = item.externalId();
            if (ext != null) {
                out.writeStartElement(COMMON, "external-id");
                text(out, COMMON, "external-id-type", ext.type());
                text(out, COMMON, "external-id-value", ext.value());
                if (ext.url() != null) {
                    text(out, COMMON, "external-id-url", ext.url());
                }
                if (ext.relationship() != null) {
                    text(out, COMMON, "external-id-relationship", ext.relationship());
                }
                out.writeEndElement();
            }
            out.writeEndElement();
        }
        out.writeEndElement();
        date(out, COMMON, "created-date", n.createdAt());
        date(out, COMMON, "sent-date", n.sentAt());
        date(out, COMMON, "read-date", n.readAt());
        date(out, NS, "actioned-date", n.actionedAt());
        date(out, COMMON, "archived-date", n.archivedAt());
        out.writeStartElement(COMMON, "source");
        out.writeStartElement(COMMON, "source-client-id");
        text(out, COMMON, "path", n.clientId());
        text(out, COMMON, "host", host(baseUrl));
        out.writeEndElement();
        if (n.clientName() != null) {
            text(out, COMMON, "source-name", n.clientName());
        }
        out.writeEndElement();
        out.writeEndElement();
    }

    private static byte[] xml(StaxDocument.Body body) {
        return StaxDocument.write("notification", NS, COMMON, body);
    }

    private static void text(XMLStreamWriter out, String ns, String name, String value) throws XMLStreamException {
        StaxDocument.text(out, ns, name, value);
    }

    private static void date(XMLStreamWriter out, String ns, String name, Instant value) throws XMLStreamException {
        if (value != null) {
            text(out, ns, name, value.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }

    private static Long millis(Instant value) {
        return value == null ? null : value.toEpochMilli();
    }

    private static String host(String baseUrl) {
        return URI.create(baseUrl).getHost();
    }

    private static String string(JsonNode value) {
        if (value != null && value.isObject() && value.has("value")) {
            value = value.get("value");
        }
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static Element child(Element parent, String ns, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ns.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ns.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String ns, String name) {
        Element element = child(parent, ns, name);
        return element == null ? null : element.getTextContent();
    }
}
