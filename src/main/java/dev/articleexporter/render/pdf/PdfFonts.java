package dev.articleexporter.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.openpdf.text.pdf.BaseFont;

/**
 * The primary (first-choice) embedded Liberation fonts, loaded once per JVM from the classpath (openpdf-fonts-extra).
 *
 * <p>Each face comes twice. The <em>core</em> face is the Liberation face cut down (with FontBox,
 * once per process, and without hints: see {@link Unhinted}) to the characters of Western text: Latin-1, Latin Extended-A, general
 * punctuation, the euro and trade mark signs, about 370 of its 2,581 glyphs. The <em>whole</em> face
 * follows it in the font chain for every other character. Why: a PDF's font subset keeps the
 * font's per-glyph tables ({@code hmtx}, {@code loca}) at full length, 20 KB for Liberation, more
 * than the glyphs an article uses; from the core face a subset is a third of the size, which is less
 * to build and deflate for every PDF and about 20 KB less per file. The glyphs are the same.
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

    /** The tables a core face keeps: what OpenPDF reads and a PDF embeds (no kerning, OpenType layout or hinting is used). */
    private static final List<String> CORE_TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "hmtx", "loca",
            "glyf", "post");

    final BaseFont serif;
    final BaseFont serifBold;
    final BaseFont serifItalic;
    final BaseFont sans;
    final BaseFont sansBold;
    final BaseFont sansItalic;

    /** The bytes of each whole face by file name, and the whole faces made from them when first needed. */
    private final ConcurrentMap<String, byte[]> wholeBytes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, BaseFont> whole = new ConcurrentHashMap<>();

    private PdfFonts() {
        serif = core("LiberationSerif-Regular.ttf");
        serifBold = core("LiberationSerif-Bold.ttf");
        serifItalic = core("LiberationSerif-Italic.ttf");
        sans = core("LiberationSans-Regular.ttf");
        sansBold = core("LiberationSans-Bold.ttf");
        sansItalic = core("LiberationSans-Italic.ttf");
    }

    /** The shared instance, loaded on first use (initialisation-on-demand holder). */
    static PdfFonts get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PdfFonts INSTANCE = new PdfFonts();
    }

    /** The whole Liberation face the core face {@code core} was cut from. */
    BaseFont whole(BaseFont core) {
        String file = core == serif ? "LiberationSerif-Regular.ttf" : core == serifBold ? "LiberationSerif-Bold.ttf"
                : core == serifItalic ? "LiberationSerif-Italic.ttf" : core == sans ? "LiberationSans-Regular.ttf"
                : core == sansBold ? "LiberationSans-Bold.ttf" : "LiberationSans-Italic.ttf";
        return whole.computeIfAbsent(file, f -> create(f, wholeBytes.get(f)));
    }

    /** Code points of the core faces. */
    static Set<Integer> coreCodePoints() {
        Set<Integer> cps = new TreeSet<>();
        add(cps, 0x20, 0x7E);     // Basic Latin
        add(cps, 0xA0, 0x17F);    // Latin-1 Supplement, Latin Extended-A
        add(cps, 0x2010, 0x203A); // dashes, quotes, bullet, ellipsis, per mille, primes, single guillemets
        cps.add(0x20AC);          // euro
        cps.add(0x2122);          // trade mark
        return cps;
    }

    private static void add(Set<Integer> cps, int from, int to) {
        for (int cp = from; cp <= to; cp++) {
            cps.add(cp);
        }
    }

    private BaseFont core(String file) {
        byte[] bytes = read(file);
        wholeBytes.put(file, bytes);
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            TTFSubsetter subsetter = new TTFSubsetter(ttf, CORE_TABLES);
            subsetter.addAll(coreCodePoints());
            ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
            subsetter.writeToStream(out);
            return create(file, Unhinted.of(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cut the core of font " + file, e);
        }
    }

    private static byte[] read(String file) {
        String resource = "liberation/" + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the classpath: " + resource
                        + " (dependency com.github.librepdf:openpdf-fonts-extra)");
            }
            return in.readAllBytes();
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
