package org.orrery.api;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes one of the API's XML documents with StAX, its own prefix and ORCID's {@code common} prefix bound. */
final class StaxDocument {

    /** What goes between the document's start and end. */
    interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private StaxDocument() {
    }

    /** The document as UTF-8 bytes. */
    static byte[] write(String prefix, String namespace, String commonNamespace, Body body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter out = XML.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            out.setPrefix(prefix, namespace);
            out.setPrefix("common", commonNamespace);
            body.write(out);
            out.writeEndDocument();
            out.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write XML", ex);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An element holding only text. */
    static void text(XMLStreamWriter out, String namespace, String name, String value) throws XMLStreamException {
        out.writeStartElement(namespace, name);
        out.writeCharacters(value);
        out.writeEndElement();
    }
}
