package dev.articleexporter.render.pdf;

import dev.articleexporter.fonts.FontFolders;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.render.Renderer;
import dev.articleexporter.render.TimeLimit;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Writes a story as a PDF for editors: title block, intro, one section per slide
 * (heading, picture or its alt text, credit, body), the related links and the photo
 * credits, with a bookmark per slide and a "title … page X of Y" footer on every page.
 *
 * <p>
 * Every character is drawn by the first font of the {@link FontChain} that has it
 * (Liberation, bundled DejaVu, system fonts, the folders in
 * {@code exporter.pdf.font-dirs}); characters no font covers are left out and reported in
 * the warnings, once per script. Articles in a right-to-left language are laid out right
 * to left and right-aligned; in other articles a block holding right-to-left text takes
 * its direction from its first strong character (Unicode bidi rule P2). Such blocks go
 * through OpenPDF's bidi and Arabic shaping (a one-cell table with a run direction),
 * blocks without right-to-left text stay plain paragraphs.
 *
 * <p>
 * Long text is set in time linear in its length and looks as it would in one piece: a run
 * of text is cut into chunks of at most {@link TextSetter#MAX_CHUNK} chars
 * ({@link TextSetter#cut}), and a long block needing bidi into table rows of whole lines
 * ({@link BidiPieces}); OpenPDF's own line breaking copies the rest of a chunk, or of a
 * bidi paragraph, for every line. Between blocks the layout checks the article's
 * {@link TimeLimit}, if the thread has one.
 *
 * <p>
 * The work is shared out: {@link PageSetup} (page, writer, metadata), {@link Styles}
 * (faces and direction), {@link Layout} (the story, with {@link TitleBlock},
 * {@link SlideBlock}, {@link RelatedList}, {@link CreditList}), {@link PageDecorations}
 * (footer and outline); the fonts are loaded by {@link PdfFonts}, a bean this class
 * imports, so the application has one. Its settings are {@link PdfProperties}, which this
 * class registers too.
 *
 * <p>
 * What a file claims is its {@link PdfProfile}: by default PDF/A-2a and PDF/UA-1 (tagged;
 * {@link PageSetup#openWriter} and {@link Archival} add what the layout does not draw),
 * or nothing ({@code --pdf-profile none}).
 *
 * <p>
 * Thread-safe: the fields are immutable (page dimensions, the shared font chain);
 * everything mutable ({@code Font}s, writer, page events) is made per call. All text is
 * added as plain text chunks, never parsed as markup.
 */
@OutputFormat(name = "pdf", extension = "pdf", mediaType = "application/pdf", version = "2")
@Import(PdfFonts.class)
@EnableConfigurationProperties(PdfProperties.class)
public class PdfRenderer implements Renderer {

    static final String CREATOR = PageSetup.CREATOR;

    private final PageSetup page;

    private final FontChain fonts;

    /** What the files claim: PDF/A-2a and tagged PDF/UA-1, or nothing. */
    private final PdfProfile profile;

    /**
     * Longest chunk and longest bidi cell, in chars ({@link TextSetter#MAX_CHUNK},
     * {@link BidiPieces#PIECE}).
     */
    private final int maxChunk;

    private final int bidiPiece;

    /** A4 pages, no extra font folders; for use without Spring. */
    public PdfRenderer() {
        this(PdfProperties.DEFAULT_PAGE_SIZE);
    }

    /**
     * @param pageSize {@code A4} or {@code letter}, case-insensitive
     * @throws IllegalArgumentException for any other value
     */
    public PdfRenderer(String pageSize) {
        this(pageSize, "");
    }

    /**
     * Without Spring: the renderer loads its fonts itself, when first needed.
     * @param pageSize {@code A4} or {@code letter}, case-insensitive
     * @param fontDirs extra font folders, comma-separated (may be empty): searched for
     * characters that neither the bundled nor the system fonts cover
     * @throws IllegalArgumentException for any other page size, or a font folder that
     * does not exist
     */
    public PdfRenderer(String pageSize, String fontDirs) {
        this(pageSize, fontDirs, PdfProfile.ARCHIVE);
    }

    /**
     * Without Spring, as {@link #PdfRenderer(String, String)}, with what the files claim.
     */
    public PdfRenderer(String pageSize, String fontDirs, PdfProfile profile) {
        this(new PdfProperties(pageSize, fontDirs, profile), new PdfFonts());
    }

    /**
     * The bean: its fonts are the application's {@link PdfFonts}, which start loading
     * while the application starts.
     */
    @Autowired
    PdfRenderer(PdfProperties properties, PdfFonts fonts) {
        this(properties.pageSize(), fontDirs(properties.fontDirs()), FontFolders.system(), fonts, properties.profile());
    }

    /** For tests: explicit user and system font folders. */
    PdfRenderer(String pageSize, List<Path> userFontDirs, List<Path> systemFontDirs) {
        this(pageSize, userFontDirs, systemFontDirs, new PdfFonts(), PdfProfile.ARCHIVE);
    }

    private PdfRenderer(String pageSize, List<Path> userFontDirs, List<Path> systemFontDirs, PdfFonts fonts,
            PdfProfile profile) {
        this.page = PageSetup.of(pageSize);
        for (Path dir : userFontDirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Font folder not found: " + dir + " (exporter.pdf.font-dirs)");
            }
        }
        this.fonts = fonts.chain(systemFontDirs, userFontDirs);
        this.profile = Objects.requireNonNull(profile, "profile");
        this.maxChunk = TextSetter.MAX_CHUNK;
        this.bidiPiece = BidiPieces.PIECE;
    }

    private PdfRenderer(PdfRenderer base, int maxChunk, int bidiPiece, PdfProfile profile) {
        this.page = base.page;
        this.fonts = base.fonts;
        this.profile = profile;
        this.maxChunk = maxChunk;
        this.bidiPiece = bidiPiece;
    }

    /**
     * For tests: this renderer cutting long text into chunks of at most {@code maxChunk}
     * chars and bidi cells of about {@code bidiPiece} ({@link Integer#MAX_VALUE}: never,
     * as before).
     */
    PdfRenderer withCuts(int maxChunk, int bidiPiece) {
        return new PdfRenderer(this, maxChunk, bidiPiece, profile);
    }

    /**
     * This renderer (its fonts and page size) writing files that claim {@code profile}.
     */
    PdfRenderer withProfile(PdfProfile profile) {
        return new PdfRenderer(this, maxChunk, bidiPiece, Objects.requireNonNull(profile, "profile"));
    }

    /**
     * The folders of {@code exporter.pdf.font-dirs}: comma-separated, {@code ~} for the
     * home folder.
     */
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
    public void render(Story story, OutputStream out, Warnings warnings) throws IOException {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(out, "out");
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        Document doc = newDocument();
        try {
            PdfWriter writer = openWriter(doc, buffered, profile);
            Styles styles = new Styles(fonts, story.meta().rightToLeft(), maxChunk, bidiPiece);
            PageDecorations decorations = new PageDecorations(styles, story.meta().title());
            writer.setPageEvent(decorations);
            PageSetup.addMetadata(doc, writer, story);

            doc.open();
            Flow flow = new Flow(doc, writer);
            decorations.tags(flow.tags());
            new Layout(flow, styles, decorations).write(story);
            doc.close();
            styles.text.report(warnings);
        }
        catch (DocumentException e) {
            throw new IOException("Cannot write PDF for " + story.id() + ": " + e.getMessage(), e);
        }
        finally {
            closeQuietly(doc);
        }
        buffered.flush();
    }

    /**
     * A writer of a nightly digest as one PDF: the same article layout as this renderer's
     * files, under sections. One per digest; {@code out} is not closed.
     */
    @Override
    public DigestWriter digestWriter(OutputStream out) {
        return new PdfDigestWriter(this, out);
    }

    FontChain fonts() {
        return fonts;
    }

    /** What this renderer's files claim; the digest's writer opens with it too. */
    PdfProfile profile() {
        return profile;
    }

    /** An empty document of the configured page size and margins. */
    Document newDocument() {
        return page.newDocument();
    }

    /** See {@link PageSetup#openWriter(Document, OutputStream, PdfProfile)}. */
    static PdfWriter openWriter(Document doc, OutputStream out, PdfProfile profile) {
        return PageSetup.openWriter(doc, out, profile);
    }

    /** See {@link PageSetup#closeQuietly}. */
    static void closeQuietly(Document doc) {
        PageSetup.closeQuietly(doc);
    }

}
