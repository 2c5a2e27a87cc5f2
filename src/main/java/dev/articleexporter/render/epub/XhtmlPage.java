package dev.articleexporter.render.epub;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One XHTML page of an EPUB 3 book, written with StAX, which escapes every text and
 * attribute value: input text never becomes markup. Characters XML 1.0 cannot hold are
 * dropped first ({@link Markup#plain}).
 *
 * <pre>{@code
 * byte[] page = new XhtmlPage("Contents", "en", false, null, "style.css")
 *         .start("h1").text("Contents").end()
 *         .finish();
 * }</pre>
 */
final class XhtmlPage {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private static final String DOCTYPE = "<!DOCTYPE html>";

    /**
     * The JDK's own writer, whatever else is on the class path: its escaping is what the
     * tests check.
     */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

    private final XMLStreamWriter xml;

    /**
     * Starts the page up to the opening {@code <body>}, whose {@code epub:type} is
     * {@code bodyType} (none when {@code null}).
     * @param rtl the page's direction is right to left
     * @param stylesheets hrefs of its stylesheets, in order
     */
    XhtmlPage(String title, String lang, boolean rtl, String bodyType, String... stylesheets) {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD(DOCTYPE);
            xml.writeCharacters("\n");
            xml.writeStartElement("html");
            xml.writeDefaultNamespace(XHTML);
            xml.writeNamespace("epub", Markup.OPS_NS);
            xml.writeAttribute("xml", XML, "lang", Markup.plain(lang));
            xml.writeAttribute("lang", Markup.plain(lang));
            if (rtl) {
                xml.writeAttribute("dir", "rtl");
            }
            xml.writeCharacters("\n");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters(Markup.plain(title));
            xml.writeEndElement();
            for (String href : stylesheets) {
                xml.writeEmptyElement("link");
                xml.writeAttribute("rel", "stylesheet");
                xml.writeAttribute("type", "text/css");
                xml.writeAttribute("href", href);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("body");
            if (rtl) {
                xml.writeAttribute("dir", "rtl");
            }
            if (bodyType != null) {
                xml.writeAttribute("epub", Markup.OPS_NS, "type", bodyType);
            }
            xml.writeCharacters("\n");
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException(e); // writing to memory does not fail
        }
    }

    /**
     * Opens an element; {@code attributes} are name, value pairs, a pair with a
     * {@code null} value is left out.
     */
    XhtmlPage start(String element, String... attributes) {
        try {
            xml.writeStartElement(element);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                String value = attributes[i + 1];
                if (value == null) {
                    continue;
                }
                if (attributes[i].equals("xml:lang")) {
                    xml.writeAttribute("xml", XML, "lang", Markup.plain(value));
                }
                else if (attributes[i].equals("epub:type")) {
                    xml.writeAttribute("epub", Markup.OPS_NS, "type", Markup.plain(value));
                }
                else {
                    xml.writeAttribute(attributes[i], Markup.plain(value));
                }
            }
            return this;
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text content, escaped. */
    XhtmlPage text(String text) {
        try {
            xml.writeCharacters(Markup.plain(text));
            return this;
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes the innermost open element, with a line break after it for readable source.
     */
    XhtmlPage end() {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            return this;
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <element attributes>text</element>}. */
    XhtmlPage element(String element, String text, String... attributes) {
        return start(element, attributes).text(text).end();
    }

    /** Closes the body and the page; returns it as UTF-8. */
    byte[] finish() {
        try {
            xml.writeEndElement(); // body
            xml.writeCharacters("\n");
            xml.writeEndElement(); // html
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

}
