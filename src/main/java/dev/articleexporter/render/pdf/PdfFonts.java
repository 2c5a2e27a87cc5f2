package dev.articleexporter.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The fonts of the PDFs, loaded once per instance and kept for its life: the primary
 * (first-choice) embedded Liberation fonts from the classpath (openpdf-fonts-extra), the
 * bundled DejaVu fallbacks, the fonts of the folders, and the {@link FontChain}s over
 * those folders.
 *
 * <p>
 * A Spring bean (imported by {@link PdfRenderer}), so the application holds one and every
 * renderer shares it; without Spring, a renderer makes its own. As a bean it starts
 * cutting the faces every article needs as soon as it is made
 * ({@link #afterPropertiesSet}), on a thread of its own, so that work overlaps the rest
 * of the start-up rather than the first article: the first article waits only for what is
 * not done yet ({@link ConcurrentHashMap#computeIfAbsent} blocks on a face being cut).
 * The thread ends when the faces are cut, or when the context closes.
 *
 * <p>
 * Each face comes twice. The <em>core</em> face is the Liberation face cut down with
 * FontBox (once per instance, when first needed) to the characters of Western text,
 * Latin-1, Latin Extended-A, general punctuation, the euro and trade mark signs (about
 * 370 of its 2,581 glyphs), and without hints ({@link Unhinted}). The <em>whole</em> face
 * follows it in the font chain for every other character. Why: a PDF's font subset keeps
 * the font's per-glyph tables ({@code hmtx}, {@code loca}) at full length, 20 KB for
 * Liberation, and hints are about half of each glyph; from the core face a subset is
 * about a quarter of the size, less to build and deflate for every PDF, and the sample
 * article's PDF is 31 KB instead of 79 KB. The outlines are the same.
 *
 * <p>
 * Each {@link BaseFont} is created from the font's bytes (not a path: a path-based font
 * reads the file one byte per system call on every subset) with {@code IDENTITY_H} and
 * {@code EMBEDDED}, so every PDF gets a subset of it. A {@code BaseFont} is configured
 * here, before it is shared, and never changed afterwards; the glyphs a document uses are
 * tracked by that document's writer, so sharing across threads is safe. {@code Font}
 * objects are mutable and are built per document by the renderer.
 */
final class PdfFonts implements InitializingBean, DisposableBean {

    /**
     * Deflate level for the embedded font subsets (1 = fastest; about 6% larger files).
     */
    static final int COMPRESSION_LEVEL = 1;

    /**
     * The tables a core face keeps: what OpenPDF reads and a PDF embeds (no kerning,
     * OpenType layout or hinting is used).
     */
    private static final List<String> CORE_TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "hmtx",
            "loca", "glyf", "post");

    private static final String DEJAVU = "net/sf/jasperreports/fonts/dejavu/";

    /**
     * The core face of each style, cut when first needed (the layout needs three for
     * every article).
     */
    private final ConcurrentMap<FontChain.Style, BaseFont> cores = new ConcurrentHashMap<>();

    /** The whole face of each style, made when a character is missing from the core. */
    private final ConcurrentMap<FontChain.Style, BaseFont> wholes = new ConcurrentHashMap<>();

    /**
     * Fonts loaded from the classpath or from files, by resource name or "path,index";
     * empty if unusable.
     */
    private final Map<String, Optional<BaseFont>> loaded = new ConcurrentHashMap<>();

    /**
     * Per font: which characters below {@link FontChain#COMMON_LIMIT} it draws (see
     * {@link FontChain#drawsAll}).
     */
    private final Map<BaseFont, BitSet> common = new ConcurrentHashMap<>();

    /** Chains by their folders (system, user): each folder set is listed once. */
    private final Map<List<List<Path>>, FontChain> chains = new ConcurrentHashMap<>();

    /**
     * Cuts the common faces in the background while the application starts; null once
     * shut down or never started.
     */
    private ExecutorService preloader;

    /** Cuts the faces every article needs while the rest of the application starts. */
    @Override
    public synchronized void afterPropertiesSet() {
        preloader = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("pdf-fonts").factory());
        preloader.execute(this::preload);
        preloader.shutdown(); // the thread ends after this one task
    }

    /**
     * Stops a preload still running when the context closes (a font being cut is simply
     * dropped).
     */
    @Override
    public synchronized void destroy() {
        if (preloader != null) {
            preloader.shutdownNow();
            preloader = null;
        }
    }

    /**
     * The chain over the given system and user folders; one per folder set, shared by
     * every renderer of this instance.
     */
    FontChain chain(List<Path> systemDirs, List<Path> userDirs) {
        return chains.computeIfAbsent(List.of(List.copyOf(systemDirs), List.copyOf(userDirs)), k -> {
            List<Path> all = new ArrayList<>(k.get(0));
            all.addAll(k.get(1));
            return new FontChain(this, all);
        });
    }

    /**
     * Cuts the faces every article uses (body, headings, credits), so the first PDF does
     * not wait for them.
     */
    void preload() {
        core(FontChain.Style.SERIF);
        core(FontChain.Style.SANS_BOLD);
        core(FontChain.Style.SANS);
    }

    /** The core face of a style: its Western characters. */
    BaseFont core(FontChain.Style style) {
        return cores.computeIfAbsent(style, s -> cut(file(s)));
    }

    /** The whole Liberation face of a style. */
    BaseFont whole(FontChain.Style style) {
        return wholes.computeIfAbsent(style, s -> create(file(s), read(file(s))));
    }

    /** A bundled DejaVu face (jasperreports-fonts), read on first need. */
    BaseFont bundled(String file) {
        return loaded.computeIfAbsent(DEJAVU + file, name -> {
            try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Font not on the classpath: " + name
                            + " (dependency net.sf.jasperreports:jasperreports-fonts)");
                }
                return Optional.of(create(file, in.readAllBytes()));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read font " + name, e);
            }
        }).orElseThrow();
    }

    /**
     * A face of a font file from the folders, read on first need; empty if OpenPDF cannot
     * read or embed it.
     */
    Optional<BaseFont> face(FontCoverage.Face face) {
        return loaded.computeIfAbsent(face.file().toAbsolutePath() + "," + face.index(), k -> {
            try {
                return Optional.of(create(face.openPdfName(), Files.readAllBytes(face.file())));
            }
            catch (IOException | RuntimeException e) {
                return Optional.empty(); // the chain goes on
            }
        });
    }

    /**
     * Which characters below {@link FontChain#COMMON_LIMIT} a font draws, worked out once
     * per font.
     */
    BitSet common(BaseFont font) {
        return common.computeIfAbsent(font, FontChain::common);
    }

    private static String file(FontChain.Style style) {
        return switch (style) {
            case SERIF -> "LiberationSerif-Regular.ttf";
            case SERIF_BOLD -> "LiberationSerif-Bold.ttf";
            case SERIF_ITALIC -> "LiberationSerif-Italic.ttf";
            case SANS -> "LiberationSans-Regular.ttf";
            case SANS_BOLD -> "LiberationSans-Bold.ttf";
            case SANS_ITALIC -> "LiberationSans-Italic.ttf";
        };
    }

    /** Code points of the core faces. */
    static Set<Integer> coreCodePoints() {
        Set<Integer> cps = new TreeSet<>();
        add(cps, 0x20, 0x7E); // Basic Latin
        add(cps, 0xA0, 0x17F); // Latin-1 Supplement, Latin Extended-A
        // dashes, quotes, bullet, ellipsis, per mille, primes, single guillemets
        add(cps, 0x2010, 0x203A);
        cps.add(0x20AC); // euro
        cps.add(0x2122); // trade mark
        return cps;
    }

    private static void add(Set<Integer> cps, int from, int to) {
        for (int cp = from; cp <= to; cp++) {
            cps.add(cp);
        }
    }

    private static BaseFont cut(String file) {
        byte[] bytes = read(file);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, CORE_TABLES);
            subsetter.addAll(coreCodePoints());
            ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
            subsetter.writeToStream(out);
            return create(file, Unhinted.of(out.toByteArray()));
        }
        catch (IOException e) {
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
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }

    /**
     * A shareable embedded font made from a font file's bytes.
     * @param name the file name, which only tells OpenPDF the font type ({@code .ttf},
     * {@code .otf}), with {@code ,index} for a face of a collection
     * ({@code wqy-zenhei.ttc,0})
     */
    static BaseFont create(String name, byte[] bytes) {
        try {
            // cached=false keeps it out of the static font cache, which would
            // otherwise hand back a path-reading instance.
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            // PDF/A-2: a CIDSet complete or none. OpenPDF's lists the glyphs in
            // use, not those of the subset; none costs nothing in any profile.
            font.setIncludeCidSet(false);
            font.setCompressionLevel(COMPRESSION_LEVEL);
            return font;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + name, e);
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot load font " + name, e);
        }
    }

}
