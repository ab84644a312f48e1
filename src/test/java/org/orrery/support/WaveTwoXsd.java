package org.orrery.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/**
 * ORCID's v3.0 XSDs for the documents outside the record ({@code client_3.0}, {@code group-id-3.0},
 * {@code notification_3.0}), from the {@code orcid-model} test dependency: validates an XML answer against one.
 */
public final class WaveTwoXsd {

    public static final String CLIENT = "/client_3.0/client-3.0.xsd";

    public static final String GROUP_ID = "/group-id-3.0/group-id-3.0.xsd";

    public static final String NOTIFICATION_PERMISSION = "/notification_3.0/notification-permission-3.0.xsd";

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private WaveTwoXsd() {
    }

    /** Throws an AssertionError naming the first violation when the XML is not valid against the XSD. */
    public static void assertValid(String xsd, String xml) {
        try {
            SCHEMAS.computeIfAbsent(xsd, WaveTwoXsd::load).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        }
        catch (SAXException | IOException ex) {
            throw new AssertionError("Not valid against " + xsd + ": " + ex.getMessage() + "\n" + xml, ex);
        }
    }

    private static Schema load(String xsd) {
        URL url = WaveTwoXsd.class.getResource(xsd);
        if (url == null) {
            throw new IllegalStateException("XSD not on the test classpath: " + xsd);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            return factory.newSchema(new StreamSource(url.toExternalForm()));
        }
        catch (SAXException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
