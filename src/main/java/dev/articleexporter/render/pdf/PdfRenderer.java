package dev.articleexporter.render.pdf;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.render.Renderer;
import dev.articleexporter.render.TimeLimit;
import dev.articleexporter.render.pdf.TextSetter.Face;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Writes a digest as a PDF for editors: title block, intro, one section per slide (heading,
 * picture or its alt text, credit, body), the related links and the photo credits, with a
 * bookmark per slide and a "title … page X of Y" footer on every page.
 *
 * <p>Every character is drawn by the first font of the {@link FontChain} that has it (Liberation,
 * bundled DejaVu, system fonts, the folders in {@code exporter.pdf.font-dirs}); characters no font
 * covers are left out and reported in the warnings, once per script. Articles in a right-to-left
 * language are laid out right to left and right-aligned; in other articles a block holding
 * right-to-left text takes its direction from its first strong character (Unicode bidi rule P2).
 * Such blocks go through OpenPDF's bidi and Arabic shaping (a one-cell table with a run direction),
 * blocks without right-to-left text stay plain paragraphs.
 *
 * <p>Long text is set in time linear in its length and looks as it would in one piece: a run of
 * text is cut into chunks of at most {@link TextSetter#MAX_CHUNK} chars ({@link TextSetter#cut}),
 * and a long block needing bidi into table rows of whole lines ({@link BidiPieces}); OpenPDF's own
 * line breaking copies the rest of a chunk, or of a bidi paragraph, for every line. Between blocks
 * the layout checks the article's {@link TimeLimit}, if the thread has one.
 *
 * <p>Thread-safe: the fields are immutable (page dimensions, the shared font chain); everything
 * mutable ({@code Font}s, writer, page events) is made per call. All text is added as plain text
 * chunks, never parsed as markup.
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
    private final FontChain fonts;
    /** Longest chunk and longest bidi cell, in chars ({@link TextSetter#MAX_CHUNK}, {@link BidiPieces#PIECE}). */
    private final int maxChunk;
    private final int bidiPiece;

    /** A4 pages, no extra font folders; for use without Spring. */
    public PdfRenderer() {
        this("A4");
    }

    /**
     * @param pageSize {@code A4} or {@code letter}, case-insensitive
     * @throws IllegalArgumentException for any other value
     */
    public PdfRenderer(String pageSize) {
        this(pageSize, "");
    }

    /**
     * @param pageSize {@code A4} or {@code letter}, case-insensitive
     * @param fontDirs extra font folders, comma-separated (may be empty): searched for characters
     *                 that neither the bundled nor the system fonts cover
     * @throws IllegalArgumentException for any other page size, or a font folder that does not exist
     */
    @Autowired
    public PdfRenderer(@Value("${exporter.pdf.page-size:A4}") String pageSize,
                       @Value("${exporter.pdf.font-dirs:}") String fontDirs) {
        this(pageSize, fontDirs(fontDirs), FontChain.systemFontDirs());
        // Read and parse the bundled fonts while the application finishes starting, not in the first article.
        Thread.ofPlatform().daemon().name("pdf-fonts").start(() -> PdfFonts.get().preload());
    }

    /** For tests: explicit user and system font folders. */
    PdfRenderer(String pageSize, List<Path> userFontDirs, List<Path> systemFontDirs) {
        Rectangle size = switch (pageSize == null ? "" : pageSize.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> PageSize.A4;
            case "letter" -> PageSize.LETTER;
            default -> throw new IllegalArgumentException(
                    "Unsupported PDF page size '" + pageSize + "' (exporter.pdf.page-size): use A4 or letter");
        };
        this.pageWidth = size.getWidth();
        this.pageHeight = size.getHeight();
        for (Path dir : userFontDirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Font folder not found: " + dir + " (exporter.pdf.font-dirs)");
            }
        }
        this.fonts = FontChain.of(systemFontDirs, userFontDirs);
        this.maxChunk = TextSetter.MAX_CHUNK;
        this.bidiPiece = BidiPieces.PIECE;
    }

    private PdfRenderer(PdfRenderer base, int maxChunk, int bidiPiece) {
        this.pageWidth = base.pageWidth;
        this.pageHeight = base.pageHeight;
        this.fonts = base.fonts;
        this.maxChunk = maxChunk;
        this.bidiPiece = bidiPiece;
    }

    /**
     * For tests: this renderer cutting long text into chunks of at most {@code maxChunk} chars and
     * bidi cells of about {@code bidiPiece} ({@link Integer#MAX_VALUE}: never, as before).
     */
    PdfRenderer withCuts(int maxChunk, int bidiPiece) {
        return new PdfRenderer(this, maxChunk, bidiPiece);
    }

    /** The folders of {@code exporter.pdf.font-dirs}: comma-separated, {@code ~} for the home folder. */
    static List<Path> fontDirs(String property) {
        List<Path> dirs = new ArrayList<>();
        if (property == null) {
            return dirs;
        }
        for (String part : property.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("~") || p.startsWith("~/")) {
                p = System.getProperty("user.home") + p.substring(1);
            }
            dirs.add(Path.of(p));
        }
        return dirs;
    }

    @Override
    public void render(Story digest, OutputStream out, Warnings warnings) throws IOException {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(out, "out");
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        Document doc = newDocument();
        try {
            PdfWriter writer = openWriter(doc, buffered);
            Styles styles = new Styles(fonts, digest.meta().rightToLeft(), maxChunk, bidiPiece);
            PageDecorations decorations = new PageDecorations(styles, digest.meta().title());
            writer.setPageEvent(decorations);
            addMetadata(doc, writer, digest);

            doc.open();
            new Layout(doc, writer, styles, decorations).write(digest);
            doc.close();
            styles.text.report(warnings);
        } catch (DocumentException e) {
            throw new IOException("Cannot write PDF for " + digest.id() + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(doc);
        }
        buffered.flush();
    }

    /**
     * A writer of a nightly digest (an edition) as one PDF: the same article layout as this
     * renderer's files, under sections. One per edition; {@code out} is not closed.
     */
    @Override
    public DigestWriter digestWriter(OutputStream out) {
        return new PdfDigestWriter(this, out);
    }

    FontChain fonts() {
        return fonts;
    }

    /** An empty document of the configured page size and margins. */
    Document newDocument() {
        return new Document(new Rectangle(pageWidth, pageHeight), MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
    }

    /** The writer of {@code doc} into {@code out}, set up as every PDF of the application is. */
    static PdfWriter openWriter(Document doc, OutputStream out) {
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false); // the caller owns out
        writer.setCompressionLevel(COMPRESSION_LEVEL);
        writer.setStrictImageSequence(true); // text never overtakes a picture that moved on
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        return writer;
    }

    /** Closes a document left open by a failure; the original exception is the one that matters. */
    static void closeQuietly(Document doc) {
        if (doc.isOpen()) {
            try {
                doc.close();
            } catch (RuntimeException ignored) {
                // already failing
            }
        }
    }

    private static void addMetadata(Document doc, PdfWriter writer, Story digest) {
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
    static String subject(Story digest) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Per-document faces (their {@code Font}s are mutable, so never shared) over the shared font chain. */
    static final class Styles {
        static final Color INK = new Color(0x1a, 0x1a, 0x1a);
        static final Color SOFT = new Color(0x44, 0x44, 0x44);
        static final Color GREY = new Color(0x6b, 0x6b, 0x6b);
        static final Color RULE = new Color(0xc8, 0xc8, 0xc8);
        static final Color LINK = new Color(0x1f, 0x4e, 0x8c);

        final TextSetter text;
        /** The article's language is written right to left. */
        final boolean rtl;
        /** About how many chars a cell of bidi text holds before the block is cut into rows ({@link BidiPieces}). */
        final int bidiPiece;
        final Face title;
        final Face metaLine;
        final Face byline;
        final Face link;
        final Face intro;
        final Face headingNumber;
        final Face heading;
        final Face body;
        final Face caption;
        final Face placeholder;
        final Face endHeading;
        final Face listItem;
        final Face listLink;
        final Face bullet;
        final Face creditItem;
        final Face footer;
        /** For the space-holding lines OpenPDF writes for paragraph spacing. */
        final Font spacer;

        Styles(FontChain chain, boolean rtl) {
            this(chain, rtl, TextSetter.MAX_CHUNK, BidiPieces.PIECE);
        }

        Styles(FontChain chain, boolean rtl, int maxChunk, int bidiPiece) {
            this.text = new TextSetter(chain, maxChunk);
            this.rtl = rtl;
            this.bidiPiece = bidiPiece;
            title = new Face(chain, FontChain.Style.SANS_BOLD, 22f, INK);
            metaLine = new Face(chain, FontChain.Style.SANS, 9.5f, GREY);
            byline = new Face(chain, FontChain.Style.SANS, 9.5f, SOFT);
            link = new Face(chain, FontChain.Style.SANS, 9f, LINK);
            // Roman, larger and softer than the body rather than italic: one embedded font less per PDF,
            // which is a quarter of the font work (subset and deflate) and about 15 KB of every file.
            intro = new Face(chain, FontChain.Style.SERIF, 12.5f, SOFT);
            headingNumber = new Face(chain, FontChain.Style.SANS_BOLD, 14f, GREY);
            heading = new Face(chain, FontChain.Style.SANS_BOLD, 14f, INK);
            body = new Face(chain, FontChain.Style.SERIF, 11f, INK);
            caption = new Face(chain, FontChain.Style.SANS, 8f, GREY);
            placeholder = new Face(chain, FontChain.Style.SANS_ITALIC, 9f, GREY);
            endHeading = new Face(chain, FontChain.Style.SANS_BOLD, 12f, INK);
            listItem = new Face(chain, FontChain.Style.SERIF, 11f, INK);
            listLink = new Face(chain, FontChain.Style.SERIF, 11f, LINK);
            bullet = new Face(chain, FontChain.Style.SANS, 11f, GREY);
            creditItem = new Face(chain, FontChain.Style.SANS, 9f, SOFT);
            footer = new Face(chain, FontChain.Style.SANS, 8f, GREY);
            spacer = new Font(chain.primary(FontChain.Style.SANS), 0.5f, Font.NORMAL, INK);
        }

        List<Chunk> chunks(String s, Face face) {
            return text.chunks(s, face);
        }

        /**
         * The run direction of a block of text: right to left in a right-to-left article; else no
         * bidi at all without right-to-left characters, or the direction of the first strong
         * character (Unicode bidi rule P2).
         */
        int direction(String s) {
            if (rtl) {
                return PdfWriter.RUN_DIRECTION_RTL;
            }
            if (!hasRightToLeft(s)) {
                return PdfWriter.RUN_DIRECTION_NO_BIDI;
            }
            return firstStrongIsRightToLeft(s) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
        }

        static boolean hasRightToLeft(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x0590) { // nothing below Hebrew is right to left
                    char[] chars = s.toCharArray();
                    return Bidi.requiresBidi(chars, 0, chars.length);
                }
            }
            return false;
        }

        static boolean firstStrongIsRightToLeft(String s) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                byte d = Character.getDirectionality(cp);
                if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                    return false;
                }
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Lays one digest out into an open document: its own, or the nightly digest it is part of. */
    static final class Layout {
        private static final float BODY_LEADING = 15.5f;
        private static final float HEADING_LEADING = 17.5f;
        private static final float HEADING_SPACE_BEFORE = 20f;
        private static final float TITLE_RULE_GAP = 11f;
        private static final float IMAGE_SPACING = 6f;
        private static final float BULLET_WIDTH = 14f;
        /** A picture may shrink to this share of its planned height to stay on the page. */
        private static final float MIN_IMAGE_SHRINK = 0.7f;

        private final Document doc;
        private final PdfWriter writer;
        private final Styles st;
        private final PageDecorations decorations;
        private final float textWidth;
        private final Map<Picture.ImageData, Image> images = new IdentityHashMap<>();
        private PageDecorations.Bookmark article;

        Layout(Document doc, PdfWriter writer, Styles styles, PageDecorations decorations) {
            this.doc = doc;
            this.writer = writer;
            this.st = styles;
            this.decorations = decorations;
            this.textWidth = doc.right() - doc.left();
        }

        void write(Story d) {
            write(d, null, null);
        }

        /**
         * @param article     the bookmark of the article, placed at its title, with the slides' bookmarks
         *                    under it; {@code null} puts the slides' bookmarks at the top of the outline
         * @param destination a named destination at the title, for links to the article, or {@code null}
         */
        void write(Story d, PageDecorations.Bookmark article, String destination) {
            this.article = article;
            titleBlock(d.meta(), destination);
            for (String p : d.intro()) {
                doc.add(spaced(block(st.chunks(p, st.intro), 17.5f), 0f, 8f));
            }
            for (Slide s : d.slides()) {
                section(s);
            }
            if (d.related() != null && !d.related().links().isEmpty()) {
                related(d.related());
            }
            if (!d.credits().isEmpty()) {
                credits(d.credits());
            }
        }

        private void titleBlock(Meta m, String destination) {
            List<Element> block = new ArrayList<>(4);
            List<Chunk> title = st.chunks(m.title(), st.title);
            if (article != null) {
                title.getFirst().setGenericTag(article.tag());
            }
            if (destination != null) {
                title.getFirst().setLocalDestination(destination);
            }
            block.add(spaced(block(title, 26f), 0f, 6f));
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
                block.add(block(st.chunks(String.join("  ·  ", parts), st.metaLine), 13f));
            }
            if (blankToNull(m.author()) != null) {
                block.add(block(st.chunks("By " + m.author(), st.byline), 13f));
            }
            if (blankToNull(m.url()) != null) {
                List<Chunk> url = st.chunks(m.url(), st.link);
                url.forEach(c -> c.setAnchor(m.url()));
                block.add(block(url, 12.5f));
            }
            Element last = block.getLast();
            spaced(last, last == block.getFirst() ? 6f : 0f, TITLE_RULE_GAP * 2);
            for (Element e : block) {
                doc.add(e);
            }
            hairline(TITLE_RULE_GAP); // halfway through the space after the block
        }

        /**
         * A hairline across the text width, {@code above} points over the current position, drawn
         * directly (a LineSeparator chunk drags in a font of its own).
         */
        void hairline(float above) {
            float y = writer.getVerticalPosition(false) + above;
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
         * Sets the space around a block. OpenPDF makes that space of a paragraph as a line holding
         * one space character in the paragraph's font; a tiny font keeps it from being read as part
         * of the neighbouring line by text extraction (PDFBox otherwise splits words: "B oats").
         */
        Element spaced(Element e, float before, float after) {
            if (e instanceof Paragraph p) {
                p.setSpacingBefore(before);
                p.setSpacingAfter(after);
                p.setFont(st.spacer);
            } else if (e instanceof PdfPTable t) {
                t.setSpacingBefore(before);
                t.setSpacingAfter(after);
            }
            return e;
        }

        /**
         * A block of text: a plain paragraph when no bidi is needed, else a borderless one-cell
         * table, whose cell OpenPDF lays out with the run direction (bidi reordering and Arabic
         * shaping), right-aligned when right to left. Either way it flows and splits over pages.
         */
        Element block(List<Chunk> chunks, float leading) {
            TimeLimit.checkCurrent(); // between blocks: the article's time limit, if it has one
            String content = content(chunks);
            int direction = st.direction(content);
            if (direction == PdfWriter.RUN_DIRECTION_NO_BIDI) {
                // The paragraph takes the first chunk's font, which it also uses for its spacing
                // lines (a bare Paragraph would bring in Helvetica).
                Paragraph p = new Paragraph(leading, chunks.getFirst());
                for (int i = 1; i < chunks.size(); i++) {
                    p.add(p.size(), chunks.get(i)); // not add(chunk), which joins chunks of one font again
                }
                return p;
            }
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100f);
            table.setSplitLate(false); // a long paragraph splits at the page end like a paragraph
            // A long block: rows of whole lines, which read as one cell (BidiPieces).
            for (List<Chunk> piece : BidiPieces.cut(chunks, content, textWidth, direction, st.bidiPiece)) {
                table.addCell(cell(piece, leading, direction));
            }
            return table;
        }

        static PdfPCell cell(List<Chunk> chunks, float leading, int direction) {
            Phrase phrase = new Phrase(leading);
            for (Chunk c : chunks) {
                phrase.add(phrase.size(), c); // not addAll, which joins chunks of one font again
            }
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0f);
            cell.setLeading(leading, 0f);
            cell.setRunDirection(direction);
            // In a right-to-left cell OpenPDF mirrors the alignment: ALIGN_LEFT means "at the start",
            // which is the right edge.
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            return cell;
        }

        private static String content(List<Chunk> chunks) {
            if (chunks.size() == 1) {
                return chunks.getFirst().getContent();
            }
            StringBuilder s = new StringBuilder();
            chunks.forEach(c -> s.append(c.getContent()));
            return s.toString();
        }

        private void section(Slide s) {
            TimeLimit.checkCurrent();
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

            List<Chunk> heading = new ArrayList<>(st.chunks(s.number() + "  ", st.headingNumber));
            heading.getFirst().setGenericTag(decorations.bookmark(article, s.number() + ". " + s.heading(), true).tag());
            heading.addAll(st.chunks(s.heading(), st.heading));
            doc.add(spaced(block(heading, HEADING_LEADING), HEADING_SPACE_BEFORE, 6f));

            if (image != null) {
                doc.add(image);
            } else if (placeholder) {
                Element p = block(st.chunks("[Image: " + picture.alt().strip() + "]", st.placeholder), 12f);
                doc.add(spaced(p, 0f, credit == null ? 6f : 1f));
            }
            if (credit != null) {
                doc.add(spaced(block(st.chunks("Photo: " + credit, st.caption), 10f), 0f, 8f));
            }
            for (String text : s.paragraphs()) {
                doc.add(spaced(block(st.chunks(text, st.body), BODY_LEADING), 0f, 6f));
            }
        }

        private int headingLines(Slide s) {
            float width = st.text.width(s.number() + "  " + s.heading(), st.heading);
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
            Element heading = block(st.chunks(related.heading(), st.endHeading), 16f);
            spaced(heading, 22f, 4f);
            keepWithNext(22f + 16f + 4f + 2 * BODY_LEADING);
            doc.add(heading);

            List<List<Chunk>> items = new ArrayList<>(related.links().size());
            boolean bidi = st.rtl;
            for (Related.Link link : related.links()) {
                boolean linked = blankToNull(link.url()) != null;
                List<Chunk> text = st.chunks(link.title(), linked ? st.listLink : st.listItem);
                if (linked) {
                    text.forEach(c -> c.setAnchor(link.url()));
                }
                items.add(text);
                bidi |= st.direction(content(text)) != PdfWriter.RUN_DIRECTION_NO_BIDI;
            }
            if (bidi) {
                doc.add(bidiList(items));
                return;
            }
            org.openpdf.text.List list = new org.openpdf.text.List(false, BULLET_WIDTH);
            list.setListSymbol(new Chunk("•", st.bullet.primary));
            for (List<Chunk> text : items) {
                ListItem item = new ListItem(BODY_LEADING, text.getFirst());
                for (int i = 1; i < text.size(); i++) {
                    item.add(item.size(), text.get(i));
                }
                item.setSpacingAfter(2f);
                item.setFont(st.spacer);
                list.add(item);
            }
            doc.add(list);
        }

        /** A list some of whose items need bidi: a two-column table, the bullets on the side the article starts. */
        private PdfPTable bidiList(List<List<Chunk>> items) {
            PdfPTable table = new PdfPTable(2);
            table.setWidthPercentage(100f);
            table.setSplitLate(false);
            table.setRunDirection(st.rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            try {
                table.setWidths(new float[] {BULLET_WIDTH, textWidth - BULLET_WIDTH});
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
            for (List<Chunk> text : items) {
                TimeLimit.checkCurrent();
                String content = content(text);
                int direction = st.direction(content);
                if (direction == PdfWriter.RUN_DIRECTION_NO_BIDI) {
                    direction = PdfWriter.RUN_DIRECTION_LTR;
                }
                // A long item: rows of whole lines (BidiPieces), the bullet in the first.
                List<List<Chunk>> pieces = BidiPieces.cut(text, content, textWidth - BULLET_WIDTH, direction, st.bidiPiece);
                for (int i = 0; i < pieces.size(); i++) {
                    PdfPCell bullet = cell(i == 0 ? List.of(new Chunk("•", st.bullet.primary)) : List.of(), BODY_LEADING,
                            st.rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_NO_BIDI);
                    table.addCell(bullet);
                    PdfPCell cell = cell(pieces.get(i), BODY_LEADING, direction);
                    if (i == pieces.size() - 1) {
                        cell.setPaddingBottom(cell.getPaddingBottom() + 2f);
                    }
                    table.addCell(cell);
                }
            }
            return table;
        }

        private void credits(List<CreditLine> credits) {
            Element heading = block(st.chunks("Photo credits", st.endHeading), 16f);
            spaced(heading, 18f, 3f);
            keepWithNext(18f + 16f + 3f + 2 * 12.5f);
            doc.add(heading);
            for (CreditLine c : credits) {
                List<Chunk> line = new ArrayList<>(st.chunks(c.credit(), st.creditItem));
                if (!c.slides().isEmpty()) {
                    line.addAll(st.chunks(" — " + c.slidesText(), st.caption));
                }
                doc.add(block(line, 12.5f));
            }
        }

        private void keepWithNext(float needed) {
            if (writer.getVerticalPosition(true) - doc.bottom() < needed) {
                doc.newPage();
            }
        }
    }
}
