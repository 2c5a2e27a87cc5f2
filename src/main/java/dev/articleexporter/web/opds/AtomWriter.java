package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsTypes.ATOM_NS;
import static dev.articleexporter.web.opds.OpdsTypes.DC_NS;
import static dev.articleexporter.web.opds.OpdsTypes.OPDS_NS;
import static dev.articleexporter.web.opds.OpdsTypes.OPENSEARCH_NS;
import static dev.articleexporter.web.opds.OpdsTypes.THREAD_NS;

import dev.articleexporter.input.XmlCharacters;
import dev.articleexporter.web.opds.Atom.Entry;
import dev.articleexporter.web.opds.Atom.Feed;
import dev.articleexporter.web.opds.Atom.Link;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes catalog documents as UTF-8 XML with StAX: every piece of text goes through the
 * writer's escaping (and {@link XmlCharacters#cleaned}), so nothing from an article can
 * become markup.
 */
final class AtomWriter {

    /**
     * The JDK's own writer, not whatever StAX implementation happens to be on the class
     * path.
     */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private AtomWriter() {
    }

    /** An OPDS catalog feed document. */
    static byte[] feed(Feed feed) {
        return write(w -> {
            bindPrefixes(w);
            w.writeStartElement(ATOM_NS, "feed");
            namespaces(w);
            if (feed.paging() != null) {
                w.writeNamespace("opensearch", OPENSEARCH_NS);
            }
            element(w, ATOM_NS, "id", feed.id());
            element(w, ATOM_NS, "title", feed.title());
            element(w, ATOM_NS, "updated", timestamp(feed.updated()));
            w.writeStartElement(ATOM_NS, "author");
            element(w, ATOM_NS, "name", OpdsCatalog.PUBLISHER);
            w.writeEndElement();
            links(w, feed.links());
            if (feed.paging() != null) {
                element(w, OPENSEARCH_NS, "totalResults", Long.toString(feed.paging().totalResults()));
                element(w, OPENSEARCH_NS, "itemsPerPage", Integer.toString(feed.paging().itemsPerPage()));
                element(w, OPENSEARCH_NS, "startIndex", Long.toString(feed.paging().startIndex()));
            }
            for (Entry entry : feed.entries()) {
                entry(w, entry, List.of());
            }
            w.writeEndElement();
        });
    }

    /**
     * An OPDS catalog entry document: one entry on its own, with {@code extraLinks} (its
     * {@code self}). Outside a feed an entry needs an author of its own: without one it
     * has the catalog's, as it had in the feed.
     */
    static byte[] entryDocument(Entry entry, List<Link> extraLinks) {
        Entry alone = entry.author() != null ? entry
                : new Entry(entry.id(), entry.title(), entry.updated(), OpdsCatalog.PUBLISHER, entry.language(),
                        entry.issued(), entry.publisher(), entry.category(), entry.summary(), entry.content(),
                        entry.links());
        return write(w -> {
            bindPrefixes(w);
            entry(w, alone, extraLinks);
        });
    }

    private static void entry(XMLStreamWriter w, Entry entry, List<Link> extraLinks) throws XMLStreamException {
        w.writeStartElement(ATOM_NS, "entry");
        if (!extraLinks.isEmpty()) { // a document of its own: declare the namespaces here
            namespaces(w);
        }
        element(w, ATOM_NS, "id", entry.id());
        element(w, ATOM_NS, "title", entry.title());
        element(w, ATOM_NS, "updated", timestamp(entry.updated()));
        if (entry.author() != null) {
            w.writeStartElement(ATOM_NS, "author");
            element(w, ATOM_NS, "name", entry.author());
            w.writeEndElement();
        }
        if (entry.language() != null) {
            element(w, DC_NS, "language", entry.language());
        }
        if (entry.issued() != null) {
            element(w, DC_NS, "issued", entry.issued());
        }
        if (entry.publisher() != null) {
            element(w, DC_NS, "publisher", entry.publisher());
        }
        if (entry.category() != null) {
            w.writeEmptyElement(ATOM_NS, "category");
            attribute(w, "term", entry.category());
            attribute(w, "label", entry.category());
        }
        if (entry.summary() != null) {
            w.writeStartElement(ATOM_NS, "summary");
            w.writeAttribute("type", "text");
            w.writeCharacters(XmlCharacters.cleaned(entry.summary()));
            w.writeEndElement();
        }
        if (entry.content() != null) {
            w.writeStartElement(ATOM_NS, "content");
            w.writeAttribute("type", "text");
            w.writeCharacters(XmlCharacters.cleaned(entry.content()));
            w.writeEndElement();
        }
        links(w, extraLinks);
        links(w, entry.links());
        w.writeEndElement();
    }

    private static void bindPrefixes(XMLStreamWriter w) throws XMLStreamException {
        w.setDefaultNamespace(ATOM_NS);
        w.setPrefix("dc", DC_NS);
        w.setPrefix("opds", OPDS_NS);
        w.setPrefix("thr", THREAD_NS);
        w.setPrefix("opensearch", OPENSEARCH_NS);
    }

    private static void namespaces(XMLStreamWriter w) throws XMLStreamException {
        w.writeDefaultNamespace(ATOM_NS);
        w.writeNamespace("dc", DC_NS);
        w.writeNamespace("opds", OPDS_NS);
        w.writeNamespace("thr", THREAD_NS);
    }

    private static void links(XMLStreamWriter w, List<Link> links) throws XMLStreamException {
        for (Link link : links) {
            w.writeEmptyElement(ATOM_NS, "link");
            if (link.rel() != null) {
                attribute(w, "rel", link.rel());
            }
            attribute(w, "href", link.href());
            if (link.type() != null) {
                attribute(w, "type", link.type());
            }
            if (link.title() != null) {
                attribute(w, "title", link.title());
            }
            if (link.length() != null) {
                attribute(w, "length", link.length().toString());
            }
            if (link.count() != null) {
                w.writeAttribute("thr", THREAD_NS, "count", link.count().toString());
            }
        }
    }

    private static void element(XMLStreamWriter w, String namespace, String name, String text)
            throws XMLStreamException {
        w.writeStartElement(namespace, name);
        w.writeCharacters(XmlCharacters.cleaned(text));
        w.writeEndElement();
    }

    private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeAttribute(name, XmlCharacters.cleaned(value));
    }

    /**
     * RFC 3339 in UTC, whole seconds: what Atom's date constructs and every reader app
     * accept.
     */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @FunctionalInterface
    interface Body {

        void write(XMLStreamWriter writer) throws XMLStreamException;

    }

    /**
     * One document: the XML declaration, {@code body} (which binds its prefixes), the
     * end.
     */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a catalog document: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

}
