package org.orrery.api;

import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.orrery.search.SearchHit;
import org.orrery.search.SearchResult;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search answers as ORCID writes them (orcid-wave2 §1.4): {@code search:search} and
 * {@code expanded-search:expanded-search} in XML ({@code search-3.0.xsd}, {@code expanded-search-3.0.xsd}) and
 * JSON (with ORCID's {@code null} list for zero results), and {@code /csv-search}'s CSV.
 */
final class SearchAnswers {

    /** ORCID's columns for {@code /csv-search}, in its order. */
    static final List<String> CSV_FIELDS = List.of("orcid", "email", "given-names", "family-name",
            "given-and-family-names", "current-institution-affiliation-name", "past-institution-affiliation-name",
            "credit-name", "other-names");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String NS = "http://www.orcid.org/ns/";

    private static final Pattern XSD_URI = Pattern.compile("https://([^/]*orcid\\.org|localhost.*/orcid-web)/.*");

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final String baseUrl;

    SearchAnswers(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectNode searchJson(SearchResult result) {
        ObjectNode json = NODES.objectNode();
        if (result.hits().isEmpty()) {
            json.putNull("result");
        }
        else {
            ArrayNode list = json.putArray("result");
            for (SearchHit hit : result.hits()) {
                ObjectNode id = list.addObject().putObject("orcid-identifier");
                id.put("uri", this.baseUrl + "/" + hit.orcid());
                id.put("path", hit.orcid());
                id.put("host", host());
            }
        }
        json.put("num-found", result.numFound());
        return json;
    }

    ObjectNode expandedJson(SearchResult result) {
        ObjectNode json = NODES.objectNode();
        if (result.hits().isEmpty()) {
            json.putNull("expanded-result");
        }
        else {
            ArrayNode list = json.putArray("expanded-result");
            for (SearchHit hit : result.hits()) {
                ObjectNode entry = list.addObject();
                entry.put("orcid-id", hit.orcid());
                entry.put("given-names", hit.givenNames());
                entry.put("family-names", hit.familyName());
                entry.put("credit-name", hit.creditName());
                hit.otherNames().forEach(entry.putArray("other-name")::add);
                hit.emails().forEach(entry.putArray("email")::add);
                hit.institutions().forEach(entry.putArray("institution-name")::add);
            }
        }
        json.put("num-found", result.numFound());
        return json;
    }

    String searchXml(SearchResult result) {
        return xml((xml) -> {
            xml.writeStartElement("search", "search", NS + "search");
            xml.writeNamespace("search", NS + "search");
            xml.writeNamespace("common", NS + "common");
            xml.writeAttribute("num-found", String.valueOf(result.numFound()));
            for (SearchHit hit : result.hits()) {
                xml.writeStartElement("search", "result", NS + "search");
                xml.writeStartElement("common", "orcid-identifier", NS + "common");
                String uri = this.baseUrl + "/" + hit.orcid();
                if (XSD_URI.matcher(uri).matches()) {
                    simple(xml, "common", "uri", uri);
                }
                simple(xml, "common", "path", hit.orcid());
                simple(xml, "common", "host", host());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    String expandedXml(SearchResult result) {
        String p = "expanded-search";
        return xml((xml) -> {
            xml.writeStartElement(p, p, NS + p);
            xml.writeNamespace(p, NS + p);
            xml.writeAttribute("num-found", String.valueOf(result.numFound()));
            for (SearchHit hit : result.hits()) {
                xml.writeStartElement(p, "expanded-result", NS + p);
                simple(xml, p, "orcid-id", hit.orcid());
                optional(xml, p, "given-names", hit.givenNames());
                optional(xml, p, "family-names", hit.familyName());
                optional(xml, p, "credit-name", hit.creditName());
                for (String name : hit.otherNames()) {
                    simple(xml, p, "other-name", name);
                }
                for (String email : hit.emails()) {
                    simple(xml, p, "email", email);
                }
                for (String institution : hit.institutions()) {
                    simple(xml, p, "institution-name", institution);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** A header row of the fields, then one row per hit; several values in one cell are comma-joined. */
    static String csv(SearchResult result, List<String> fields) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", fields)).append("\r\n");
        for (SearchHit hit : result.hits()) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(values(hit, fields.get(i))));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static List<String> values(SearchHit hit, String field) {
        return switch (field) {
            case "orcid" -> List.of(hit.orcid());
            case "email" -> hit.emails();
            case "given-names" -> nullable(hit.givenNames());
            case "family-name" -> nullable(hit.familyName());
            case "given-and-family-names" -> hit.givenNames() == null && hit.familyName() == null ? List.of()
                    : List.of(((hit.givenNames() == null ? "" : hit.givenNames()) + " "
                            + (hit.familyName() == null ? "" : hit.familyName())).trim());
            case "current-institution-affiliation-name" -> hit.currentInstitutions();
            case "past-institution-affiliation-name" -> hit.pastInstitutions();
            case "credit-name" -> nullable(hit.creditName());
            case "other-names" -> hit.otherNames();
            default -> List.of();
        };
    }

    private static List<String> nullable(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; formula starts defused. */
    private static String cell(List<String> values) {
        String joined = String.join(",", values);
        if (!joined.isEmpty() && "=+-@".indexOf(joined.charAt(0)) >= 0) {
            joined = "'" + joined;
        }
        if (joined.contains(",") || joined.contains("\"") || joined.contains("\n") || joined.contains("\r")) {
            return "\"" + joined.replace("\"", "\"\"") + "\"";
        }
        return joined;
    }

    private String host() {
        return java.net.URI.create(this.baseUrl).getHost();
    }

    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write XML", ex);
        }
        return out.toString();
    }

    private static void optional(XMLStreamWriter xml, String prefix, String name, String text)
            throws XMLStreamException {
        if (text != null) {
            simple(xml, prefix, name, text);
        }
    }

    private static void simple(XMLStreamWriter xml, String prefix, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, NS + prefix);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
