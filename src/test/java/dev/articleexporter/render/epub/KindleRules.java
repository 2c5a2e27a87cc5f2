package dev.articleexporter.render.epub;

import dev.articleexporter.render.epub.EpubPackage.Item;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * What Amazon's EPUB ingestion (Send to Kindle, KDP) rejects or mangles, as checks on one
 * book: each returns the problems found, empty when the book keeps the rule.
 */
final class KindleRules {

    /** The exact first bytes Amazon's converter wants of every XML document. */
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /**
     * The eBook languages of Amazon KDP's "Language support" page
     * (https://kdp.amazon.com/en_US/help/topic/G200673300), as BCP 47 primary subtags.
     * Chinese is there as Traditional only ({@link #kindleLanguage}); Arabic, Gujarati,
     * Hindi, Malayalam, Marathi and Tamil as eBooks only. Written from the page, which
     * the reference search could not show; re-check it when a feed brings a new language.
     */
    static final Set<String> KINDLE_LANGUAGES = Set.of("af", // Afrikaans
            "gsw", // Alsatian
            "ar", // Arabic
            "eu", // Basque
            "nb", // Bokmål Norwegian
            "br", // Breton
            "ca", // Catalan
            "zh", // Chinese (Traditional)
            "kw", // Cornish
            "co", // Corsican
            "da", // Danish
            "nl", // Dutch/Flemish
            "frs", // Eastern Frisian
            "en", // English
            "fi", // Finnish
            "fr", // French
            "fy", // Frisian
            "gl", // Galician
            "de", // German
            "gu", // Gujarati
            "hi", // Hindi
            "is", // Icelandic
            "ga", // Irish
            "it", // Italian
            "ja", // Japanese
            "lb", // Luxembourgish
            "ml", // Malayalam
            "gv", // Manx
            "mr", // Marathi
            "frr", // Northern Frisian
            "no", // Norwegian
            "nn", // Nynorsk Norwegian
            "pt", // Portuguese
            "oc", // Provençal
            "rm", // Romansh
            "sco", // Scots
            "gd", // Scottish Gaelic
            "es", // Spanish
            "sv", // Swedish
            "ta", // Tamil
            "cy" // Welsh
    );

    private KindleRules() {
    }

    /**
     * Whether Kindle knows {@code tag}: its primary subtag is listed; Chinese only as
     * Traditional ({@code zh-Hant}, {@code zh-TW}, {@code zh-HK}).
     */
    static boolean kindleLanguage(String tag) {
        List<String> parts = Arrays.asList(tag.strip().toLowerCase(Locale.ROOT).split("[-_]"));
        if (!KINDLE_LANGUAGES.contains(parts.getFirst())) {
            return false;
        }
        return !parts.getFirst().equals("zh") || parts.contains("hant") || parts.contains("tw") || parts.contains("hk");
    }

    /** The documents the rules read: the package, the NCX, the nav and every XHTML. */
    static List<String> xmlDocuments(EpubPackage book) {
        List<String> paths = new ArrayList<>();
        paths.add(book.opfPath());
        book.items()
            .stream()
            .filter(i -> i.mediaType().equals(EpubPackage.XHTML_TYPE) || i.mediaType().equals(EpubPackage.NCX_TYPE))
            .map(Item::path)
            .forEach(paths::add);
        return paths;
    }

    /**
     * Every XML document (the package, the NCX, the nav and every XHTML) starts with
     * exactly {@link #XML_DECLARATION}, no byte-order mark before it.
     */
    static List<String> xmlDeclarations(EpubPackage book) {
        List<String> problems = new ArrayList<>();
        for (String path : xmlDocuments(book)) {
            byte[] bytes = book.entries().get(path);
            if (bytes == null) {
                problems.add(path + ": in the manifest, not in the zip");
                continue;
            }
            String start = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8);
            if (!start.startsWith(XML_DECLARATION)) {
                problems.add(path + " starts with " + start.lines().findFirst().orElse("nothing"));
            }
        }
        return problems;
    }

    /** Both tables of contents: the EPUB 3 nav (new Kindles) and the NCX (older ones). */
    static List<String> tablesOfContents(EpubPackage book) {
        List<String> problems = new ArrayList<>();
        if (book.nav() == null) {
            problems.add("no navigation document (manifest item with properties=\"nav\")");
        }
        if (book.ncx() == null) {
            problems.add("no NCX (spine toc=\"...\")");
        }
        return problems;
    }

    /** Every {@code dc:language} is one Kindle knows, and there is one. */
    static List<String> languages(EpubPackage book) {
        List<String> problems = new ArrayList<>();
        List<Element> languages = EpubPackage.elements(book.opf(), EpubPackage.DC_NS, "language");
        if (languages.isEmpty()) {
            problems.add("no dc:language");
        }
        for (Element language : languages) {
            if (!kindleLanguage(language.getTextContent())) {
                problems.add("dc:language " + language.getTextContent() + " is not a Kindle language");
            }
        }
        return problems;
    }

    /**
     * No link (XHTML {@code a}/{@code area}, nav, NCX, OPF guide) points at an id that is
     * on a {@code <body>}: Amazon's converter drops body ids.
     */
    static List<String> linksToBodyIds(EpubPackage book) {
        Set<String> bodyIds = new HashSet<>();
        for (Item page : book.xhtml()) {
            for (Element body : EpubPackage.elements(book.parse(page), EpubPackage.XHTML_NS, "body")) {
                if (!body.getAttribute("id").isEmpty()) {
                    bodyIds.add(page.path() + "#" + body.getAttribute("id"));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String path : xmlDocuments(book)) {
            Document document = EpubPackage.parse(book.entries(), path);
            List<String> targets = new ArrayList<>();
            for (String name : List.of("a", "area")) {
                EpubPackage.elements(document, EpubPackage.XHTML_NS, name)
                    .forEach(a -> targets.add(a.getAttribute("href")));
            }
            EpubPackage.elements(document, EpubPackage.NCX_NS, "content")
                .forEach(c -> targets.add(c.getAttribute("src")));
            EpubPackage.elements(document, EpubPackage.OPF_NS, "reference")
                .forEach(r -> targets.add(r.getAttribute("href")));
            for (String target : targets) {
                if (target.isBlank() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                String resolved = EpubPackage.resolve(path, target);
                if (bodyIds.contains(resolved)) {
                    problems.add(path + " links to " + target + ", an id on <body>");
                }
            }
        }
        return problems;
    }

    /** No {@code src} or {@code href} attribute is empty, in any of the documents. */
    static List<String> emptyReferences(EpubPackage book) {
        List<String> problems = new ArrayList<>();
        for (String path : xmlDocuments(book)) {
            NodeList all = EpubPackage.parse(book.entries(), path).getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                NamedNodeMap attributes = all.item(i).getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    Attr attribute = (Attr) attributes.item(a);
                    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                    if ((name.equals("src") || name.equals("href")) && attribute.getValue().isBlank()) {
                        problems.add(path + ": <" + all.item(i).getNodeName() + "> with an empty " + name);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The cover declared both ways: one manifest item with
     * {@code properties="cover-image"} (EPUB 3), a JPEG or PNG that is in the zip, and
     * {@code <meta name="cover" content="ID"/>} naming that item (EPUB 2, what Kindle
     * reads).
     */
    static List<String> cover(EpubPackage book) {
        List<String> problems = new ArrayList<>();
        List<Item> covers = book.items().stream().filter(i -> i.has("cover-image")).toList();
        if (covers.size() != 1) {
            problems.add(covers.size() + " manifest items with properties=\"cover-image\", not 1");
        }
        List<String> named = new ArrayList<>();
        for (Element meta : EpubPackage.elements(book.opf(), EpubPackage.OPF_NS, "meta")) {
            if (meta.getAttribute("name").equals("cover")) {
                named.add(meta.getAttribute("content"));
            }
        }
        if (named.size() != 1) {
            problems.add(named.size() + " <meta name=\"cover\"> elements, not 1");
        }
        if (covers.size() == 1) {
            Item cover = covers.getFirst();
            if (named.size() == 1 && !named.getFirst().equals(cover.id())) {
                problems.add("<meta name=\"cover\" content=\"" + named.getFirst()
                        + "\"> does not name the cover-image item " + cover.id());
            }
            if (!cover.mediaType().equals("image/jpeg") && !cover.mediaType().equals("image/png")) {
                problems.add("cover-image is " + cover.mediaType());
            }
            if (!book.entries().containsKey(cover.path())) {
                problems.add("cover-image " + cover.path() + " is not in the zip");
            }
        }
        return problems;
    }

}
