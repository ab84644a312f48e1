package org.orrery.search;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/** ORCID's {@code search-3.0.xsd} and {@code expanded-search-3.0.xsd} (from {@code orcid-model}). */
final class SearchXsd {

    private static final Schema SCHEMA = load();

    private SearchXsd() {
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            Source[] sources = new Source[2];
            int i = 0;
            for (String file : new String[] { "search-3.0.xsd", "expanded-search-3.0.xsd" }) {
                URL url = SearchXsd.class.getResource("/record_3.0/" + file);
                sources[i++] = new StreamSource(url.toExternalForm());
            }
            return factory.newSchema(sources);
        }
        catch (SAXException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void assertValid(String xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        }
        catch (SAXException | IOException ex) {
            throw new AssertionError("Not valid against ORCID's search XSDs: " + ex.getMessage() + "\n" + xml, ex);
        }
    }
}
