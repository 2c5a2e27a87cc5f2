package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import java.nio.charset.StandardCharsets;
import org.apache.commons.text.StringEscapeUtils;

/**
 * What every XHTML page the EPUB writers build by hand shares: the escaping of text, the
 * start and end of a page (XHTML 1.1, the language, the direction, the stylesheet) and
 * the page as a book resource.
 */
final class Markup {

    private static final String DOCTYPE = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
            + "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n";

    static final String TAIL = "</body>\n</html>\n";

    private Markup() {
    }

    /**
     * Start of a page up to the opening {@code <body>}; {@code rtl} sets the direction of
     * the whole page.
     */
    static StringBuilder head(String title, String lang, boolean rtl) {
        String l = esc(lang);
        String dir = rtl ? " dir=\"rtl\"" : "";
        StringBuilder b = new StringBuilder(2048);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append(DOCTYPE)
            .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"")
            .append(l)
            .append("\" lang=\"")
            .append(l)
            .append('"')
            .append(dir)
            .append(">\n<head>\n<title>")
            .append(esc(title))
            .append("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"")
            .append(Stylesheet.HREF)
            .append("\"/>\n</head>\n<body")
            .append(dir)
            .append(">\n");
        return b;
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
