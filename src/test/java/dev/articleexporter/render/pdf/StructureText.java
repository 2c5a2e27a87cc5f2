package dev.articleexporter.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a tagged PDF as a screen reader gets it: the structure tree walked in order
 * (PDFBox), each element with the text of its marked content (MCIDs, looked up on the
 * element's page), plus the text that is in no structure element and is no artifact
 * (which a reader would meet nowhere, or in the wrong place). Right-to-left lines come
 * back in logical order, as {@code PDFTextStripper} gives them; Arabic stays in
 * presentation forms (compare after NFKC).
 */
public final class StructureText {

    /**
     * One structure element, in document order.
     *
     * @param type its standard type (after the role map), e.g. H1, P, Figure, Link
     * @param depth 0 for the children of the StructTreeRoot
     * @param text all the text of the element and its descendants, whitespace folded
     * @param alt its Alt entry, or {@code null}
     * @param lang its Lang entry, or {@code null}
     * @param uris the URIs of the link annotations it refers to (OBJR kids)
     * @param annotations how many annotations it refers to
     */
    public record Element(String type, int depth, String text, String alt, String lang, List<String> uris,
            int annotations) {
    }

    private final List<Element> elements;

    private final String text;

    private final String untagged;

    private StructureText(List<Element> elements, String text, String untagged) {
        this.elements = List.copyOf(elements);
        this.text = text;
        this.untagged = untagged;
    }

    public static StructureText of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return of(doc);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StructureText of(PDDocument doc) throws IOException {
        Pages pages = new Pages();
        boolean rtl = rightToLeft(doc.getDocumentCatalog().getLanguage(), false);
        List<Element> elements = new ArrayList<>();
        List<GlyphText.Run> all = new ArrayList<>();
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            for (Object kid : root.getKids()) {
                if (kid instanceof PDStructureElement e) {
                    walk(e, null, rtl, 0, pages, elements).forEach(r -> GlyphText.add(all, r.glyphs(), r.rtl()));
                }
            }
        }
        List<TextPosition> untagged = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PageText pageText = pages.of(page);
            untagged.addAll(pageText.untagged);
            pageText.mcids.forEach((mcid, positions) -> {
                if (!pages.used.contains(new Used(page.getCOSObject(), mcid))) {
                    untagged.addAll(positions);
                }
            });
        }
        return new StructureText(elements, GlyphText.text(all), GlyphText.text(untagged, rtl));
    }

    /** Every structure element in document order (depth first). */
    public List<Element> elements() {
        return elements;
    }

    /** The elements of these types, in document order. */
    public List<Element> ofType(String... types) {
        Set<String> wanted = Set.of(types);
        return elements.stream().filter(e -> wanted.contains(e.type())).toList();
    }

    /** All tagged text in structure order, whitespace folded. */
    public String text() {
        return text;
    }

    /** Text that is neither in a structure element nor an artifact, whitespace folded. */
    public String untaggedText() {
        return untagged;
    }

    /** The Alt of every Figure, in document order ({@code null} where missing). */
    public List<String> figureAlts() {
        return ofType("Figure").stream().map(Element::alt).toList();
    }

    /**
     * Adds {@code element} and its descendants to {@code out}; returns the glyphs of its
     * marked content in order, in runs of one direction (its Lang, or the nearest).
     */
    private static List<GlyphText.Run> walk(PDStructureElement element, PDPage inherited, boolean inheritedRtl,
            int depth, Pages pages, List<Element> out) throws IOException {
        PDPage page = element.getPage() != null ? element.getPage() : inherited;
        boolean rtl = rightToLeft(element.getLanguage(), inheritedRtl);
        int index = out.size();
        out.add(null);
        List<GlyphText.Run> runs = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        int annotations = 0;
        for (Object kid : element.getKids()) {
            if (kid instanceof Integer mcid) {
                GlyphText.add(runs, pages.content(page, mcid), rtl);
            }
            else if (kid instanceof PDMarkedContentReference ref) {
                GlyphText.add(runs, pages.content(ref.getPage() != null ? ref.getPage() : page, ref.getMCID()), rtl);
            }
            else if (kid instanceof PDObjectReference obj) {
                annotations++;
                if (obj.getReferencedObject() instanceof PDAnnotationLink link
                        && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
            else if (kid instanceof PDStructureElement child) {
                walk(child, page, rtl, depth + 1, pages, out).forEach(r -> GlyphText.add(runs, r.glyphs(), r.rtl()));
            }
        }
        String type = element.getStandardStructureType() != null ? element.getStandardStructureType()
                : element.getStructureType();
        out.set(index, new Element(type, depth, GlyphText.text(runs), element.getAlternateDescription(),
                element.getLanguage(), uris, annotations));
        return runs;
    }

    /**
     * Whether text in {@code lang} reads right to left: the base direction its lines are
     * read back in (a line's glyphs alone can't tell where a right-to-left run that wraps
     * began).
     */
    static boolean rightToLeft(String lang, boolean otherwise) {
        if (lang == null || lang.isBlank()) {
            return otherwise;
        }
        String language = lang.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        return Set.of("ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv").contains(language);
    }

    private record Used(COSDictionary page, int mcid) {
    }

    /** The text of each page's marked content, read once per page. */
    private static final class Pages {

        final Map<COSDictionary, PageText> read = new IdentityHashMap<>();

        final Set<Used> used = new HashSet<>();

        PageText of(PDPage page) throws IOException {
            PageText text = read.get(page.getCOSObject());
            if (text == null) {
                text = new PageText();
                text.processPage(page);
                read.put(page.getCOSObject(), text);
            }
            return text;
        }

        List<TextPosition> content(PDPage page, int mcid) throws IOException {
            if (page == null) {
                return List.of();
            }
            used.add(new Used(page.getCOSObject(), mcid));
            return of(page).mcids.getOrDefault(mcid, List.of());
        }

    }

    /**
     * One page's text by the marked-content sequence it is in: by MCID (the innermost
     * enclosing one), artifacts dropped, the rest untagged.
     */
    private static final class PageText extends PDFMarkedContentExtractor {

        private static final int NONE = -1;

        private static final int ARTIFACT = -2;

        final Map<Integer, List<TextPosition>> mcids = new HashMap<>();

        final List<TextPosition> untagged = new ArrayList<>();

        /**
         * What each open sequence makes its text: an MCID, ARTIFACT or NONE (inherit).
         */
        private final Deque<Integer> open = new ArrayDeque<>();

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            int state = NONE;
            if (COSName.ARTIFACT.equals(tag)) {
                state = ARTIFACT;
            }
            else if (properties != null && properties.containsKey(COSName.MCID)) {
                state = properties.getInt(COSName.MCID);
            }
            open.push(state);
        }

        @Override
        public void endMarkedContentSequence() {
            if (!open.isEmpty()) {
                open.pop();
            }
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            for (int state : open) {
                if (state == ARTIFACT) {
                    return;
                }
                if (state >= 0) {
                    mcids.computeIfAbsent(state, k -> new ArrayList<>()).add(text);
                    return;
                }
            }
            untagged.add(text);
        }

    }

}
