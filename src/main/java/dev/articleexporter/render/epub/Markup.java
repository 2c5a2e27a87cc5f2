package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import java.nio.charset.StandardCharsets;
import org.apache.commons.text.StringEscapeUtils;

/**
 * What every XHTML page the EPUB writers build by hand shares: the escaping of text, the
 * start and end of a page (XHTML 5 as EPUB 3 wants it, the language, the direction, the
 * stylesheets) and the page as a book resource.
 */
final class Markup {

    /** The namespace of {@code epub:type}. */
    static final String OPS_NS = "http://www.idpf.org/2007/ops";

    /**
     * Every document starts with the XML declaration: Amazon's EPUB ingestion (Send to
     * Kindle) wants it, UTF-8 named.
     */
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static final String DOCTYPE = "<!DOCTYPE html>\n";

    static final String TAIL = "</body>\n</html>\n";

    private Markup() {
    }

    /**
     * Start of a page up to the opening {@code <body>}; {@code rtl} sets the direction of
     * the whole page.
     */
    static StringBuilder head(String title, String lang, boolean rtl) {
        return head(title, lang, rtl, "bodymatter");
    }

    /**
     * Start of a page up to the opening {@code <body>}, whose {@code epub:type} is
     * {@code bodyType} (none when {@code null}).
     */
    static StringBuilder head(String title, String lang, boolean rtl, String bodyType, String... moreStylesheets) {
        String l = esc(lang);
        String dir = rtl ? " dir=\"rtl\"" : "";
        StringBuilder b = new StringBuilder(2048);
        b.append(XML_DECLARATION)
            .append(DOCTYPE)
            .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"")
            .append(OPS_NS)
            .append("\" xml:lang=\"")
            .append(l)
            .append("\" lang=\"")
            .append(l)
            .append('"')
            .append(dir)
            .append(">\n<head>\n<title>")
            .append(esc(title))
            .append("</title>\n");
        stylesheet(b, Stylesheet.HREF);
        for (String href : moreStylesheets) {
            stylesheet(b, href);
        }
        b.append("</head>\n<body").append(dir);
        if (bodyType != null) {
            b.append(" epub:type=\"").append(bodyType).append('"');
        }
        return b.append(">\n");
    }

    private static void stylesheet(StringBuilder b, String href) {
        b.append("<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(href).append("\"/>\n");
    }

    static String tail(StringBuilder b) {
        return b.append(TAIL).toString();
    }

    static Resource xhtml(String id, String href, String content) {
        return new Resource(id, content.getBytes(StandardCharsets.UTF_8), href, MediaTypes.XHTML);
    }

    /** Text for markup we write ourselves: element content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        // Most text needs nothing; the library's translator chain is slow, so only text
        // that needs it goes there.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c < 0x20 || (c >= 0x7F && c <= 0x9F)
                    || Character.isSurrogate(c) || c >= 0xFFFE) {
                return StringEscapeUtils.escapeXml10(text);
            }
        }
        return text;
    }

    /**
     * Text handed to epub4j, which escapes it itself: only characters XML 1.0 cannot hold
     * are dropped.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            else if (ok && b != null) {
                b.append(text, i, next);
            }
            i = next;
        }
        return b == null ? text : b.toString();
    }

}
