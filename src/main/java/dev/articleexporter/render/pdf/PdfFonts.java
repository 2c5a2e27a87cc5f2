package dev.articleexporter.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The primary (first-choice) embedded Liberation fonts, loaded once per JVM from the classpath (openpdf-fonts-extra).
 *
 * <p>Each {@link BaseFont} is created from the font's bytes (not a path: a path-based font reads
 * the file one byte per system call on every subset) with {@code IDENTITY_H} and
 * {@code EMBEDDED}, so every PDF gets a subset of it. A {@code BaseFont} is configured here, before
 * it is shared, and never changed afterwards; the glyphs a document uses are tracked by that
 * document's writer, so sharing across threads is safe. {@code Font} objects are mutable and are
 * built per document by the renderer.
 */
final class PdfFonts {

    /** Deflate level for the embedded font subsets (1 = fastest; about 6% larger files). */
    static final int COMPRESSION_LEVEL = 1;

    final BaseFont serif;
    final BaseFont serifBold;
    final BaseFont serifItalic;
    final BaseFont sans;
    final BaseFont sansBold;
    final BaseFont sansItalic;

    private PdfFonts() {
        serif = load("LiberationSerif-Regular.ttf");
        serifBold = load("LiberationSerif-Bold.ttf");
        serifItalic = load("LiberationSerif-Italic.ttf");
        sans = load("LiberationSans-Regular.ttf");
        sansBold = load("LiberationSans-Bold.ttf");
        sansItalic = load("LiberationSans-Italic.ttf");
    }

    /** The shared instance, loaded on first use (initialisation-on-demand holder). */
    static PdfFonts get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PdfFonts INSTANCE = new PdfFonts();
    }

    private static BaseFont load(String file) {
        String resource = "liberation/" + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the classpath: " + resource
                        + " (dependency com.github.librepdf:openpdf-fonts-extra)");
            }
            return create(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }

    /**
     * A shareable embedded font made from a font file's bytes.
     *
     * @param name the file name, which only tells OpenPDF the font type ({@code .ttf}, {@code .otf}),
     *             with {@code ,index} for a face of a collection ({@code wqy-zenhei.ttc,0})
     */
    static BaseFont create(String name, byte[] bytes) {
        try {
            // cached=false keeps it out of the static font cache, which would otherwise hand back
            // a path-reading instance.
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            font.setCompressionLevel(COMPRESSION_LEVEL);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + name, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load font " + name, e);
        }
    }
}
