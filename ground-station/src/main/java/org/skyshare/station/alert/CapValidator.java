package org.skyshare.station.alert;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

/** Checks CAP XML against the OASIS CAP 1.2 schema shipped with the station. */
public final class CapValidator {
    private static final Schema SCHEMA = load();

    private CapValidator() {
    }

    private static Schema load() {
        URL xsd = CapValidator.class.getResource("CAP-v1.2.xsd");
        if (xsd == null) {
            throw new IllegalStateException("the CAP 1.2 schema is missing from the station's resources");
        }
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("the CAP 1.2 schema cannot be read: " + e.getMessage(), e);
        }
    }

    /** Throws {@link IllegalArgumentException} naming the line and the schema's complaint when {@code xml} is not valid CAP 1.2. */
    public static void validate(String xml) {
        try {
            Validator v = SCHEMA.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("not valid CAP 1.2 at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not valid CAP 1.2: " + e.getMessage(), e);
        }
    }
}
