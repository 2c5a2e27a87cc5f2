package dev.articleexporter.render.pdf;

import dev.articleexporter.digest.CreditLine;
import dev.articleexporter.digest.Digest;
import dev.articleexporter.digest.Meta;
import dev.articleexporter.digest.Picture;
import dev.articleexporter.digest.Related;
import dev.articleexporter.digest.Section;
import dev.articleexporter.digest.Warnings;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.render.Renderer;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Writes a digest as a PDF for editors: title block, intro, one section per slide (heading,
 * picture or its alt text, credit, body), the related links and the photo credits, with a
 * bookmark per slide and a "title … page X of Y" footer on every page.
 *
 * <p>Thread-safe: the only fields are the immutable page dimensions; fonts come from the shared
 * {@link PdfFonts}, and everything mutable ({@code Font}s, writer, page events) is made per call.
 * All text is added as plain text chunks, never parsed as markup.
 */
@OutputFormat(name = "pdf", extension = "pdf", mediaType = "application/pdf")
public class PdfRenderer implements Renderer {

    static final String CREATOR = "article-exporter";

    /** Deflate level for page content and images (1 = fastest). */
    static final int COMPRESSION_LEVEL = 1;

    private static final float MARGIN_SIDE = 62f;
    private static final float MARGIN_TOP = 56f;
    private static final float MARGIN_BOTTOM = 64f;
    /** Images are scaled down to at most this share of the page height. */
    private static final float MAX_IMAGE_SHARE = 0.45f;

    private final float pageWidth;
    private final float pageHeight;

    /** A4 pages; for use without Spring. */
    public PdfRenderer() {
        this("A4");
    }

    /**
     * @param pageSize {@code A4} or {@code letter}, case-insensitive
     * @throws IllegalArgumentException for any other value
     */
    @Autowired
    public PdfRenderer(@Value("${exporter.pdf.page-size:A4}") String pageSize) {
        Rectangle size = switch (pageSize == null ? "" : pageSize.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> PageSize.A4;
            case "letter" -> PageSize.LETTER;
            default -> throw new IllegalArgumentException(
                    "Unsupported PDF page size '" + pageSize + "' (exporter.pdf.page-size): use A4 or letter");
        };
        this.pageWidth = size.getWidth();
        this.pageHeight = size.getHeight();
    }

    @Override
    public void render(Digest digest, OutputStream out, Warnings warnings) throws IOException {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(out, "out");
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        Document doc = new Document(new Rectangle(pageWidth, pageHeight),
                MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, buffered);
            writer.setCloseStream(false); // the caller owns out
            writer.setCompressionLevel(COMPRESSION_LEVEL);
            writer.setStrictImageSequence(true); // text never overtakes a picture that moved on
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
            Styles styles = new Styles(PdfFonts.get());
            PageDecorations decorations = new PageDecorations(styles, digest.meta().title(), outlineTitles(digest));
            writer.setPageEvent(decorations);
            addMetadata(doc, writer, digest);

            doc.open();
            new Layout(doc, writer, styles, decorations).write(digest);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("Cannot write PDF for " + digest.id() + ": " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                try {
                    doc.close();
                } catch (RuntimeException ignored) {
                    // already failing; the original exception is the one that matters
                }
            }
        }
        buffered.flush();
    }

    private static List<String> outlineTitles(Digest digest) {
        List<String> titles = new ArrayList<>(digest.sections().size());
        for (Section s : digest.sections()) {
            titles.add(s.number() + ". " + s.heading());
        }
        return titles;
    }

    private static void addMetadata(Document doc, PdfWriter writer, Digest digest) {
        Meta meta = digest.meta();
        doc.addTitle(meta.title());
        if (meta.creator() != null) {
            doc.addAuthor(meta.creator());
        }
        String subject = subject(digest);
        if (subject != null) {
            doc.addSubject(subject);
        }
        if (!meta.keywords().isEmpty()) {
            doc.addKeywords(String.join(", ", meta.keywords()));
        }
        doc.addCreator(CREATOR);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(meta.language()));
    }

    /** The intro's first sentence, else the section name, else {@code null}. */
    static String subject(Digest digest) {
        for (String p : digest.intro()) {
            if (p != null && !p.isBlank()) {
                return firstSentence(p.strip(), 250);
            }
        }
        return blankToNull(digest.meta().section());
    }

    static String firstSentence(String text, int max) {
        int end = text.length();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        String s = text.substring(0, end);
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }

    /** "slides 1, 3–17": runs of consecutive numbers become ranges. */
    static String slideList(List<Integer> slides) {
        List<Integer> sorted = slides.stream().distinct().sorted().toList();
        StringJoiner joined = new StringJoiner(", ");
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            joined.add(j == i ? String.valueOf(sorted.get(i)) : sorted.get(i) + "–" + sorted.get(j));
            i = j + 1;
        }
        return (sorted.size() == 1 ? "slide " : "slides ") + joined;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Per-document {@code Font}s (mutable, so never shared) over the shared base fonts. */
    static final class Styles {
        static final Color INK = new Color(0x1a, 0x1a, 0x1a);
        static final Color SOFT = new Color(0x44, 0x44, 0x44);
        static final Color GREY = new Color(0x6b, 0x6b, 0x6b);
        static final Color RULE = new Color(0xc8, 0xc8, 0xc8);
        static final Color LINK = new Color(0x1f, 0x4e, 0x8c);

        final PdfFonts fonts;
        final Font title;
        final Font metaLine;
        final Font byline;
        final Font link;
        final Font intro;
        final Font headingNumber;
        final Font heading;
        final Font body;
        final Font caption;
        final Font placeholder;
        final Font endHeading;
        final Font listItem;
        final Font listLink;
        final Font bullet;
        final Font creditItem;
        /** For the space-holding lines OpenPDF writes for paragraph spacing. */
        final Font spacer;

        Styles(PdfFonts f) {
            fonts = f;
            title = new Font(f.sansBold, 22f, Font.NORMAL, INK);
            metaLine = new Font(f.sans, 9.5f, Font.NORMAL, GREY);
            byline = new Font(f.sans, 9.5f, Font.NORMAL, SOFT);
            link = new Font(f.sans, 9f, Font.NORMAL, LINK);
            intro = new Font(f.serifItalic, 12.5f, Font.NORMAL, SOFT);
            headingNumber = new Font(f.sansBold, 14f, Font.NORMAL, GREY);
            heading = new Font(f.sansBold, 14f, Font.NORMAL, INK);
            body = new Font(f.serif, 11f, Font.NORMAL, INK);
            caption = new Font(f.sans, 8f, Font.NORMAL, GREY);
            placeholder = new Font(f.sansItalic, 9f, Font.NORMAL, GREY);
            endHeading = new Font(f.sansBold, 12f, Font.NORMAL, INK);
            listItem = new Font(f.serif, 11f, Font.NORMAL, INK);
            listLink = new Font(f.serif, 11f, Font.NORMAL, LINK);
            bullet = new Font(f.sans, 11f, Font.NORMAL, GREY);
            creditItem = new Font(f.sans, 9f, Font.NORMAL, SOFT);
            spacer = new Font(f.sans, 0.5f, Font.NORMAL, INK);
        }
    }

    /** Lays one digest out into an open document. */
    private static final class Layout {
        private static final float BODY_LEADING = 15.5f;
        private static final float HEADING_LEADING = 17.5f;
        private static final float HEADING_SPACE_BEFORE = 20f;
        private static final float TITLE_RULE_GAP = 11f;
        private static final float IMAGE_SPACING = 6f;
        /** A picture may shrink to this share of its planned height to stay on the page. */
        private static final float MIN_IMAGE_SHRINK = 0.7f;

        private final Document doc;
        private final PdfWriter writer;
        private final Styles st;
        private final PageDecorations decorations;
        private final float textWidth;
        private final Map<Picture.ImageData, Image> images = new IdentityHashMap<>();

        Layout(Document doc, PdfWriter writer, Styles styles, PageDecorations decorations) {
            this.doc = doc;
            this.writer = writer;
            this.st = styles;
            this.decorations = decorations;
            this.textWidth = doc.right() - doc.left();
        }

        void write(Digest d) {
            titleBlock(d.meta());
            for (String p : d.intro()) {
                doc.add(spaced(paragraph(p, st.intro, 17.5f), 0f, 8f));
            }
            for (int i = 0; i < d.sections().size(); i++) {
                section(i, d.sections().get(i));
            }
            if (d.related() != null && !d.related().links().isEmpty()) {
                related(d.related());
            }
            if (!d.credits().isEmpty()) {
                credits(d.credits());
            }
        }

        private void titleBlock(Meta m) {
            List<Paragraph> block = new ArrayList<>(4);
            block.add(spaced(paragraph(m.title(), st.title, 26f), 0f, 6f));
            List<String> parts = new ArrayList<>(3);
            if (blankToNull(m.site()) != null) {
                parts.add(m.site());
            }
            if (blankToNull(m.section()) != null) {
                parts.add(m.section());
            }
            if (m.published() != null) {
                parts.add(m.published().display(Locale.forLanguageTag(m.language())));
            }
            if (!parts.isEmpty()) {
                block.add(paragraph(String.join("  ·  ", parts), st.metaLine, 13f));
            }
            if (blankToNull(m.author()) != null) {
                block.add(paragraph("By " + m.author(), st.byline, 13f));
            }
            if (blankToNull(m.url()) != null) {
                block.add(new Paragraph(12.5f, new Chunk(m.url(), st.link).setAnchor(m.url())));
            }
            Paragraph last = block.getLast();
            spaced(last, last == block.getFirst() ? 6f : 0f, TITLE_RULE_GAP * 2);
            for (Paragraph p : block) {
                doc.add(p);
            }
            // A hairline under the title block, drawn directly (a LineSeparator chunk drags in a
            // font of its own), halfway through the space after the block.
            float y = writer.getVerticalPosition(false) + TITLE_RULE_GAP;
            PdfContentByte cb = writer.getDirectContent();
            cb.saveState();
            cb.setColorStroke(Styles.RULE);
            cb.setLineWidth(0.6f);
            cb.moveTo(doc.left(), y);
            cb.lineTo(doc.right(), y);
            cb.stroke();
            cb.restoreState();
        }

        /**
         * Sets the space around a paragraph. OpenPDF makes that space as a line holding one space
         * character in the paragraph's font; a tiny font keeps it from being read as part of the
         * neighbouring line by text extraction (PDFBox otherwise splits words: "B oats").
         */
        private Paragraph spaced(Paragraph p, float before, float after) {
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            p.setFont(st.spacer);
            return p;
        }

        private void section(int index, Section s) {
            Picture picture = s.picture();
            Image image = picture != null && picture.embeddable() ? image(picture) : null;
            String credit = blankToNull(s.credit());
            boolean placeholder = picture != null && image == null && !picture.alt().isBlank();

            // Keep the heading with what follows it: picture (or placeholder), credit, two lines.
            // A picture that almost fits is made a little smaller rather than leave a gap.
            float around = HEADING_SPACE_BEFORE + headingLines(s) * HEADING_LEADING + 8f
                    + (placeholder ? 16f : 0f) + (credit != null ? 18f : 0f) + 2 * BODY_LEADING + 12f;
            float room = writer.getVerticalPosition(true) - doc.bottom();
            if (image != null) {
                float roomForImage = room - around - IMAGE_SPACING;
                if (roomForImage < image.getScaledHeight() && roomForImage >= MIN_IMAGE_SHRINK * image.getScaledHeight()) {
                    image = Image.getInstance(image); // a copy: the same picture elsewhere keeps its size
                    image.scaleToFit(textWidth, roomForImage);
                }
                around += image.getScaledHeight() + IMAGE_SPACING;
            }
            if (room < around) {
                doc.newPage();
            }

            Paragraph heading = new Paragraph(HEADING_LEADING,
                    new Chunk(s.number() + "  ", st.headingNumber).setGenericTag(PageDecorations.tag(index)));
            heading.add(new Chunk(s.heading(), st.heading));
            spaced(heading, HEADING_SPACE_BEFORE, 6f);
            doc.add(heading);

            if (image != null) {
                doc.add(image);
            } else if (placeholder) {
                Paragraph p = paragraph("[Image: " + picture.alt().strip() + "]", st.placeholder, 12f);
                spaced(p, 0f, credit == null ? 6f : 1f);
                doc.add(p);
            }
            if (credit != null) {
                Paragraph p = paragraph("Photo: " + credit, st.caption, 10f);
                spaced(p, 0f, 8f);
                doc.add(p);
            }
            for (String text : s.paragraphs()) {
                Paragraph p = paragraph(text, st.body, BODY_LEADING);
                spaced(p, 0f, 6f);
                doc.add(p);
            }
        }

        private int headingLines(Section s) {
            float width = st.fonts.sansBold.getWidthPoint(s.number() + "  " + s.heading(), 14f);
            return Math.max(1, (int) Math.ceil(width / (textWidth * 0.95f)));
        }

        /** The picture scaled to the text width and at most 45% of the page height, or null if unreadable. */
        private Image image(Picture picture) {
            Image image = images.get(picture.data());
            if (image != null) {
                return image; // the same picture again: one image object in the file
            }
            try {
                image = PdfImages.load(picture.data());
            } catch (IOException | RuntimeException e) {
                return null; // shown as its alt text instead
            }
            images.put(picture.data(), image);
            float maxHeight = (doc.getPageSize().getHeight()) * MAX_IMAGE_SHARE;
            image.scaleToFit(textWidth, maxHeight);
            image.setAlignment(Image.MIDDLE);
            image.setSpacingBefore(2f);
            image.setSpacingAfter(3f);
            image.setAlt(picture.alt());
            return image;
        }

        private void related(Related related) {
            Paragraph heading = paragraph(related.heading(), st.endHeading, 16f);
            spaced(heading, 22f, 4f);
            keepWithNext(22f + 16f + 4f + 2 * BODY_LEADING);
            doc.add(heading);

            org.openpdf.text.List list = new org.openpdf.text.List(false, 14f);
            list.setListSymbol(new Chunk("•", st.bullet));
            for (Related.Link link : related.links()) {
                Chunk text = blankToNull(link.url()) != null
                        ? new Chunk(link.title(), st.listLink).setAnchor(link.url())
                        : new Chunk(link.title(), st.listItem);
                ListItem item = new ListItem(BODY_LEADING, text);
                item.setSpacingAfter(2f);
                item.setFont(st.spacer);
                list.add(item);
            }
            doc.add(list);
        }

        private void credits(List<CreditLine> credits) {
            Paragraph heading = paragraph("Photo credits", st.endHeading, 16f);
            spaced(heading, 18f, 3f);
            keepWithNext(18f + 16f + 3f + 2 * 12.5f);
            doc.add(heading);
            for (CreditLine c : credits) {
                Paragraph p = new Paragraph(12.5f, new Chunk(c.credit(), st.creditItem));
                if (!c.slides().isEmpty()) {
                    p.add(new Chunk(" — " + slideList(c.slides()), st.caption));
                }
                doc.add(p);
            }
        }

        private void keepWithNext(float needed) {
            if (writer.getVerticalPosition(true) - doc.bottom() < needed) {
                doc.newPage();
            }
        }

        private static Paragraph paragraph(String text, Font font, float leading) {
            // A Chunk: the text is drawn as is, never parsed. The paragraph takes the chunk's font,
            // which it also uses for its spacing lines (a bare Paragraph would bring in Helvetica).
            return new Paragraph(leading, new Chunk(text, font));
        }
    }
}
