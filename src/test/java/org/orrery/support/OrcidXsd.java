package org.orrery.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/**
 * ORCID's published v3.0 XSDs (from the {@code orcid-model} test dependency): validates an XML answer against
 * them, failing with the validator's message.
 */
public final class OrcidXsd {

    private static final List<String> FILES = List.of("record-3.0.xsd", "activities-3.0.xsd", "person-3.0.xsd",
            "personal-details-3.0.xsd", "other-name-3.0.xsd", "researcher-url-3.0.xsd", "email-3.0.xsd",
            "address-3.0.xsd", "keyword-3.0.xsd", "person-external-identifier-3.0.xsd", "work-3.0.xsd",
            "funding-3.0.xsd", "distinction-3.0.xsd", "education-3.0.xsd", "employment-3.0.xsd",
            "invited-position-3.0.xsd", "membership-3.0.xsd", "qualification-3.0.xsd", "service-3.0.xsd",
            "peer-review-3.0.xsd", "research-resource-3.0.xsd", "bulk-3.0.xsd", "error-3.0.xsd");

    private static final Schema SCHEMA = load();

    private OrcidXsd() {
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            List<Source> sources = new ArrayList<>();
            for (String file : FILES) {
                URL url = OrcidXsd.class.getResource("/record_3.0/" + file);
                if (url == null) {
                    throw new IllegalStateException("XSD not on the test classpath: " + file);
                }
                sources.add(new StreamSource(url.toExternalForm()));
            }
            return factory.newSchema(sources.toArray(Source[]::new));
        }
        catch (SAXException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Throws an AssertionError naming the first violation when the XML is not valid. */
    public static void assertValid(String xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        }
        catch (SAXException | IOException ex) {
            throw new AssertionError("Not valid against ORCID's v3.0 XSDs: " + ex.getMessage() + "\n" + xml, ex);
        }
    }
}
