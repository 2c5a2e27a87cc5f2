package dev.articleexporter.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts a PDF may draw a character with, in order: the primary Liberation face of the
 * style (its Western core, then the whole face: see {@link PdfFonts}), the bundled DejaVu
 * faces (jasperreports-fonts), then the faces found in the system font folders, then
 * those in the folders the user added ({@code exporter.pdf.font-dirs}). The first font
 * with a glyph for a character draws it.
 *
 * <p>
 * Cost: nothing beyond Liberation is touched while every character is in Liberation. A
 * DejaVu face is read the first time a character needs it. The first time a character is
 * in no bundled font, the folders are listed and the cmap of each font file is read (only
 * the table directory and the cmap: about 0.1-0.2 s for the 300 fonts of a Debian
 * desktop, once per chain); no font is loaded then. For each such character the first
 * face that covers it is loaded, in this order: the system folders before the user's,
 * regular faces before bold, italic, condensed, mono..., then the files with the most
 * characters first (a general font such as WenQuanYi Zen Hei or Symbola before a font
 * made for one small script that happens to hold a few CJK punctuation marks). Answers
 * per code point and cmaps are kept by the chain, loaded fonts by its {@link PdfFonts},
 * for their life (the application's); every font's bytes are read once, and fonts are
 * made from the bytes (a path-based font reads its file byte by byte).
 *
 * <p>
 * Thread-safe; the {@link BaseFont}s handed out are configured before they are shared.
 */
final class FontChain {

    /**
     * The text styles of the layout; each has its own primary face and bundled fallbacks.
     */
    enum Style {

        SERIF, SERIF_BOLD, SERIF_ITALIC, SANS, SANS_BOLD, SANS_ITALIC;

        boolean bold() {
            return this == SERIF_BOLD || this == SANS_BOLD;
        }

        boolean italic() {
            return this == SERIF_ITALIC || this == SANS_ITALIC;
        }

    }

    /** Style words in a font file name: such faces come after the regular ones. */
    private static final List<String> STYLE_WORDS = List.of("bold", "italic", "oblique", "light", "thin", "black",
            "medium", "semibold", "condensed", "extra", "heavy", "mono", "looped", "unjoined", "display");

    /** Where the fonts come from, and are kept. */
    private final PdfFonts fonts;

    private final List<Path> dirs;

    /** Which fonts are loaded from the folders (drawn with simulated bold and italic). */
    private final Set<BaseFont> discovered = Collections
        .newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));

    private final Map<Integer, Optional<BaseFont>> byCodePoint = new ConcurrentHashMap<>();

    /** The usable faces of the folders' fonts, in chain order; read on first need. */
    private List<FontCoverage.Face> faces;

    /** Made by {@link PdfFonts#chain}: one per folder set. */
    FontChain(PdfFonts fonts, List<Path> dirs) {
        this.fonts = fonts;
        this.dirs = List.copyOf(dirs);
    }

    /**
     * A chain over the given system and user folders with fonts of its own (for tests).
     */
    static FontChain of(List<Path> systemDirs, List<Path> userDirs) {
        return new PdfFonts().chain(systemDirs, userDirs);
    }

    /** The Liberation face of a style (its Western core). */
    BaseFont primary(Style style) {
        return fonts.core(style);
    }

    /**
     * True for a font from the folders: it has one face only, so bold and italic are
     * simulated.
     */
    boolean discovered(BaseFont font) {
        return discovered.contains(font);
    }

    /**
     * The first font of the chain that draws {@code cp} in this style, or {@code null} if
     * none does.
     */
    BaseFont find(Style style, int cp) {
        BaseFont first = primary(style);
        if (usable(first, cp)) {
            return first;
        }
        BaseFont whole = fonts.whole(style);
        if (usable(whole, cp)) {
            return whole;
        }
        for (String name : bundledFallbacks(style)) {
            BaseFont f = fonts.bundled(name);
            if (usable(f, cp)) {
                return f;
            }
        }
        return byCodePoint.computeIfAbsent(cp, this::search).orElse(null);
    }

    private static List<String> bundledFallbacks(Style style) {
        return switch (style) {
            case SERIF -> List.of("DejaVuSerif.ttf", "DejaVuSans.ttf");
            case SERIF_BOLD -> List.of("DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf");
            case SERIF_ITALIC -> List.of("DejaVuSerif-Italic.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans.ttf");
            case SANS -> List.of("DejaVuSans.ttf");
            case SANS_BOLD -> List.of("DejaVuSans-Bold.ttf");
            case SANS_ITALIC -> List.of("DejaVuSans-Oblique.ttf", "DejaVuSans.ttf");
        };
    }

    /**
     * Characters below this are answered by {@link #drawsAll} from a bit set: Latin,
     * Greek, Cyrillic, punctuation, €, ™.
     */
    static final int COMMON_LIMIT = 0x2200;

    /**
     * Whether {@code font} draws every character of {@code text}, controls aside. Called
     * for every run of text, so common characters are looked up in a bit set made once
     * per font: OpenPDF's own lookup boxes the character into a hash map, which cost 2-4
     * % of an export's CPU time with the launcher's C1-only JIT.
     */
    boolean drawsAll(BaseFont font, String text) {
        BitSet common = fonts.common(font); // kept per font by PdfFonts
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                continue;
            }
            boolean fine = c < COMMON_LIMIT ? common.get(c) : usable(font, c) || Character.isISOControl(c);
            if (!fine) {
                return false; // surrogates fail here too: those take the slow path
            }
        }
        return true;
    }

    /**
     * Which characters from U+0020 to {@link #COMMON_LIMIT} a font draws or may leave out
     * (controls).
     */
    static BitSet common(BaseFont font) {
        BitSet fine = new BitSet(COMMON_LIMIT);
        for (char c = 0x20; c < COMMON_LIMIT; c++) {
            if (usable(font, c) || Character.isISOControl(c)) {
                fine.set(c);
            }
        }
        return fine;
    }

    /**
     * A font draws {@code cp} if it has the glyph; for an Arabic letter it must also have
     * the presentation forms, which OpenPDF's shaping turns the letters into.
     */
    static boolean usable(BaseFont font, int cp) {
        return font.charExists(cp) && (!needsShapes(cp) || font.charExists(0xFE8E));
    }

    private static boolean needsShapes(int cp) {
        return cp >= 0x0620 && cp <= 0x06FF && Character.isLetter(cp);
    }

    /**
     * Looks through the folders' fonts in order; synchronised, it runs only for
     * characters not met before.
     */
    private synchronized Optional<BaseFont> search(int cp) {
        for (FontCoverage.Face face : faces()) {
            if (!face.covers(cp) || (needsShapes(cp) && !face.covers(0xFE8E))) {
                continue;
            }
            Optional<BaseFont> font = load(face);
            if (font.isPresent() && usable(font.get(), cp)) {
                return font;
            }
        }
        return Optional.empty();
    }

    private Optional<BaseFont> load(FontCoverage.Face face) {
        // empty: a font OpenPDF cannot read or embed
        Optional<BaseFont> font = fonts.face(face);
        font.ifPresent(discovered::add);
        return font;
    }

    /** The faces of the folders' fonts in chain order (see the class comment). */
    private List<FontCoverage.Face> faces() {
        if (faces == null) {
            List<FontCoverage.Face> all = new ArrayList<>();
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<List<FontCoverage.Face>> files = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(dir, 8, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(FontChain::isFontFile)
                        .sorted()
                        .map(FontCoverage::read)
                        .filter(f -> !f.isEmpty())
                        .forEach(files::add);
                }
                catch (IOException | UncheckedIOException e) {
                    // an unreadable folder adds no fonts
                }
                files.sort(Comparator.<List<FontCoverage.Face>, Boolean>comparing(f -> styled(f.getFirst().file()))
                    .thenComparing(f -> -f.stream().mapToInt(x -> x.codePoints().cardinality()).max().orElse(0)));
                files.forEach(all::addAll);
            }
            faces = List.copyOf(all);
        }
        return faces;
    }

    private static boolean isFontFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".ttf") || name.endsWith(".ttc") || name.endsWith(".otf")) && Files.isRegularFile(p);
    }

    private static boolean styled(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return STYLE_WORDS.stream().anyMatch(name::contains);
    }

}
