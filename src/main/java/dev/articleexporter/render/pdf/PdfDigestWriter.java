package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Digest;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.pdf.TextSetter.Face;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Writes a digest as one PDF: a title page with the contents (every section and article,
 * linked, with its page number), then each section from a new page under its name, each
 * article from a new page laid out exactly as its own PDF ({@link Layout}: title block,
 * intro, slides with pictures and credits, reading list, photo credits). The outline has
 * the sections at the top, their articles under them, and each article's slides under it
 * (closed); every page has the footer "Nightly digest — date … page X of Y".
 *
 * <p>
 * Pages are written out as they fill, and each article's pictures are let go once it is
 * laid out, so a large digest does not sit in memory.
 */
final class PdfDigestWriter implements DigestWriter {

    private static final float PAGE_NUMBER_SIZE = 10f;

    private static final float CONTENTS_LEADING = 14f;

    /** Width of the page-number column of the contents. */
    private static final float NUMBER_COLUMN = 36f;

    private final PdfRenderer renderer;

    private final BufferedOutputStream out;

    private Document doc;

    private PdfWriter writer;

    private Styles styles;

    private Layout layout;

    private Flow flow;

    /** The structure element of the section being written, or {@code null}. */
    private PdfStructureElement sectionElement;

    private PageDecorations decorations;

    private BaseFont numberFont;

    /**
     * Per section and article (by number): its bookmark, made in advance so the contents
     * can wait for its page.
     */
    private final Map<Integer, PageDecorations.Bookmark> sectionMarks = new HashMap<>();

    private final Map<Integer, PageDecorations.Bookmark> articles = new HashMap<>();

    /**
     * Page numbers of the contents still to print, by the bookmark whose page they show.
     */
    private final Map<PageDecorations.Bookmark, PdfTemplate> pageNumbers = new HashMap<>();

    private boolean sectionStarted;

    /** The digest's language, the document's. */
    private String language;

    PdfDigestWriter(PdfRenderer renderer, OutputStream out) {
        this.renderer = renderer;
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    static String sectionDestination(Digest.Section section) {
        return "digest-section-" + section.number();
    }

    static String articleDestination(Digest.Entry entry) {
        return "digest-article-" + entry.number();
    }

    @Override
    public void start(Digest digest) throws IOException {
        doc = renderer.newDocument();
        try {
            writer = PdfRenderer.openWriter(doc, out, renderer.profile());
            styles = new Styles(renderer.fonts(), false);
            decorations = new PageDecorations(styles, digest.title());
            decorations.onPlaced(this::printPageNumber);
            writer.setPageEvent(decorations);
            language = digest.language();
            addMetadata(digest);
            doc.open();
            flow = new Flow(doc, writer);
            decorations.tags(flow.tags());
            layout = new Layout(flow, styles, decorations);
            numberFont = styles.creditItem.primary.getBaseFont();
            for (Digest.Section section : digest.sections()) {
                PageDecorations.Bookmark bookmark = decorations.bookmark(null, section.name(), true);
                sectionMarks.put(section.number(), bookmark);
                for (Digest.Entry entry : section.articles()) {
                    articles.put(entry.number(), decorations.bookmark(bookmark, entry.title(), false));
                }
            }
            titlePage(digest);
        }
        catch (DocumentException | IllegalStateException e) {
            PdfRenderer.closeQuietly(doc);
            throw new IOException("Cannot write the PDF of " + digest.fileStem() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void section(Digest.Section section) throws IOException {
        flow.newPage();
        Tagging tags = flow.tags();
        sectionElement = tags.child(null, PdfName.SECT);
        // The section's name in the link colour over a heavy rule: unlike an article's
        // title in ink over a hairline.
        Face face = face(FontChain.Style.SANS_BOLD, 26f, Styles.LINK);
        List<Chunk> name = new ArrayList<>(styles.chunks(section.name(), face));
        PageDecorations.Bookmark bookmark = sectionMarks.get(section.number());
        PdfStructureElement heading = tags.heading(sectionElement, 2, section.name(), styles);
        bookmark.heading(heading);
        name.getFirst().setGenericTag(bookmark.tag());
        name.getFirst().setLocalDestination(sectionDestination(section));
        flow.add(layout.block(name, 30f), 0f, 4f, heading);
        int n = section.articles().size();
        layout.paragraph(sectionElement, styles.chunks(n + (n == 1 ? " article" : " articles"), styles.metaLine), 13f,
                0f, 26f);
        flow.rule(16f, Styles.LINK, 2f);
        sectionStarted = true;
    }

    @Override
    public void article(Digest.Entry entry, Story story) throws IOException {
        if (!sectionStarted) {
            flow.newPage();
        }
        sectionStarted = false;
        // Per article: its own direction, and its own Font objects (mutable) and picture
        // cache, let go after it.
        Styles own = new Styles(renderer.fonts(), story.meta().rightToLeft());
        // an article in another language than the digest's says so, for every part of it
        String lang = story.meta().language();
        PdfStructureElement article = flow.tags()
            .child(sectionElement, PdfName.ART, lang == null || lang.equalsIgnoreCase(language) ? null : lang);
        new Layout(flow, own, decorations).write(story, articles.remove(entry.number()), articleDestination(entry),
                article, 3);
    }

    @Override
    public void finish() throws IOException {
        try {
            doc.close();
        }
        finally {
            PdfRenderer.closeQuietly(doc);
        }
        out.flush();
    }

    // ---- title page and contents
    // -------------------------------------------------------------

    private void titlePage(Digest digest) {
        Tagging tags = flow.tags();
        List<Chunk> name = styles.chunks(Digest.NAME, face(FontChain.Style.SANS_BOLD, 30f, Styles.INK));
        flow.add(layout.block(name, 34f), 40f, 6f, tags.heading(null, 1, Digest.NAME, styles));
        layout.paragraph(null,
                styles.chunks(Digest.longDate(digest.date()), face(FontChain.Style.SANS, 15f, Styles.SOFT)), 20f, 0f,
                8f);
        boolean note = digest.leftOutNote() != null;
        layout.paragraph(null, styles.chunks(digest.extent(), styles.metaLine), 13f, 0f, note ? 0f : 18f);
        if (note) {
            layout.paragraph(null, styles.chunks(digest.leftOutNote(), styles.placeholder), 12f, 4f, 18f);
        }
        layout.hairline(9f);
        List<Chunk> contents = styles.chunks("Contents", styles.endHeading);
        flow.add(layout.block(contents, 16f), 6f, 6f, tags.heading(null, 2, "Contents", styles));
        PdfStructureElement toc = tags.child(null, PdfName.TOC);
        for (Digest.Section section : digest.sections()) {
            PdfStructureElement item = tags.child(toc, PdfName.TOCI);
            contentsLine(item, section.name(), face(FontChain.Style.SANS_BOLD, 11f, Styles.INK),
                    sectionDestination(section), 0f, sectionMarks.get(section.number()), 8f);
            PdfStructureElement articlesToc = tags.child(item, PdfName.TOC);
            for (Digest.Entry entry : section.articles()) {
                contentsLine(tags.child(articlesToc, PdfName.TOCI), entry.title(), styles.listItem,
                        articleDestination(entry), 12f, articles.get(entry.number()), 0f);
            }
        }
    }

    /**
     * A line of the contents: the title linked to where it starts, and its page number;
     * in the structure tree a Link in the item.
     */
    private void contentsLine(PdfStructureElement item, String title, Face face, String destination, float indent,
            PageDecorations.Bookmark bookmark, float before) {
        PdfStructureElement link = flow.tags().text(item, PdfName.LINK, title, styles);
        String tag = flow.link(PdfAction.gotoLocalPage(destination, false), title, link);
        PdfPTable row = contentsTable();
        row.addCell(titleCell(title, face, tag, indent));
        row.addCell(numberCell(bookmark));
        flow.add(row, before, 0f, link);
    }

    private PdfPTable contentsTable() {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100f);
        table.setSplitLate(false);
        float width = doc.right() - doc.left();
        try {
            table.setWidths(new float[] { width - NUMBER_COLUMN, NUMBER_COLUMN });
        }
        catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return table;
    }

    /**
     * The title of a line of the contents, in its own direction, its chunks making the
     * link.
     */
    private PdfPCell titleCell(String title, Face face, String linkTag, float indent) {
        List<Chunk> chunks = new ArrayList<>(styles.chunks(title, face));
        chunks.forEach(c -> c.setGenericTag(linkTag));
        int direction = styles.direction(title);
        PdfPCell cell = Layout.cell(chunks, CONTENTS_LEADING,
                direction == PdfWriter.RUN_DIRECTION_NO_BIDI ? PdfWriter.RUN_DIRECTION_LTR : direction);
        if (direction == PdfWriter.RUN_DIRECTION_RTL) {
            cell.setPaddingRight(indent); // indented from where the line starts
        }
        else {
            cell.setPaddingLeft(indent);
        }
        cell.setPaddingBottom(3f);
        return cell;
    }

    /**
     * The page number of a bookmark: a blank template now, printed when the bookmark
     * lands on its page.
     */
    private PdfPCell numberCell(PageDecorations.Bookmark bookmark) {
        PdfTemplate template = writer.getDirectContent().createTemplate(NUMBER_COLUMN, PAGE_NUMBER_SIZE + 3f);
        pageNumbers.put(bookmark, template);
        Image image;
        try {
            image = Image.getInstance(template);
        }
        catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        Phrase phrase = new Phrase(CONTENTS_LEADING);
        phrase.add(new Chunk(image, 0f, -3f));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0f);
        cell.setPaddingBottom(3f);
        cell.setLeading(CONTENTS_LEADING, 0f);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private void printPageNumber(PageDecorations.Bookmark bookmark) {
        PdfTemplate template = pageNumbers.remove(bookmark);
        if (template == null) {
            return; // a slide
        }
        String number = String.valueOf(bookmark.page());
        template.beginText();
        template.setFontAndSize(numberFont, PAGE_NUMBER_SIZE);
        template.setColorFill(Styles.SOFT);
        template.showTextAligned(Element.ALIGN_RIGHT, number, NUMBER_COLUMN, 3f, 0f);
        template.endText();
    }

    private Face face(FontChain.Style style, float size, java.awt.Color color) {
        return new Face(renderer.fonts(), style, size, color);
    }

    private void addMetadata(Digest digest) {
        doc.addTitle(digest.title());
        doc.addSubject(digest.extent());
        List<String> sections = digest.sections()
            .stream()
            .filter(p -> p.articles().getFirst().section() != null)
            .map(Digest.Section::name)
            .toList();
        if (!sections.isEmpty()) {
            doc.addKeywords(String.join(", ", sections));
        }
        doc.addCreator(PdfRenderer.CREATOR);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(digest.language()));
    }

}
