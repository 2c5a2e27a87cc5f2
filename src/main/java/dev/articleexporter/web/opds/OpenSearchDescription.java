package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsTypes.OPENSEARCH_NS;

import dev.articleexporter.input.XmlCharacters;

/**
 * The OpenSearch 1.1 description document that tells reader apps how to search the
 * catalog.
 */
final class OpenSearchDescription {

    private OpenSearchDescription() {
    }

    /**
     * @param searchUrl absolute address of the search feed, without a query
     */
    static byte[] write(String searchUrl) {
        return AtomWriter.write(w -> {
            w.setDefaultNamespace(OPENSEARCH_NS);
            w.writeStartElement(OPENSEARCH_NS, "OpenSearchDescription");
            w.writeDefaultNamespace(OPENSEARCH_NS);
            text(w, "ShortName", "Articles"); // at most 16 characters
            text(w, "Description", "Search the exported articles by words in their title, summary, site or author.");
            text(w, "InputEncoding", "UTF-8");
            text(w, "OutputEncoding", "UTF-8");
            w.writeEmptyElement(OPENSEARCH_NS, "Url");
            w.writeAttribute("type", OpdsTypes.ACQUISITION);
            // {searchTerms} is the OpenSearch placeholder, written as is; only the
            // address before it comes from the request.
            w.writeAttribute("template", XmlCharacters.cleaned(searchUrl) + "?q={searchTerms}");
            w.writeEndElement();
        });
    }

    private static void text(javax.xml.stream.XMLStreamWriter w, String name, String text)
            throws javax.xml.stream.XMLStreamException {
        w.writeStartElement(OPENSEARCH_NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

}
