package dev.articleexporter.cover;

import dev.articleexporter.fonts.FontFolders;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fonts covers are drawn with, loaded once per process: the bundled DejaVu faces
 * (jasperreports-fonts, as the PDF uses them) first, then, for a character none of them
 * has, the first font of the system folders that has it (WenQuanYi Zen Hei for CJK,
 * Symbola for emoji, Noto...). The PDF has its own lookup ({@code render.pdf.FontChain});
 * this one is a deliberately small copy, as the layering keeps {@code cover} away from
 * {@code render}: it reads fonts with Java 2D rather than OpenPDF, and has no user font
 * folders.
 *
 * <p>
 * Thread-safe. A folder font is loaded only when a character needs it; each answer per
 * character is kept, and so is every derived size.
 */
final class CoverFonts {

    /** The faces of a design. */
    enum Face {

        TITLE("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"), LABEL("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"),
        TEXT("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

        private final List<String> bundled;

        Face(String... bundled) {
            this.bundled = List.of(bundled);
        }

        /** Folder fonts have one face: bold is simulated. */
        boolean bold() {
            return this != TEXT;
        }

    }

    private static final String DEJAVU = "net/sf/jasperreports/fonts/dejavu/";

    /** Font files to leave out: Java 2D draws colour-bitmap emoji fonts as nothing. */
    private static final List<String> UNUSABLE = List.of("color", "emoji");

    /** Style words in a file name: such files come after the regular faces. */
    private static final List<String> STYLE_WORDS = List.of("bold", "italic", "oblique", "light", "thin", "black",
            "medium", "semibold", "condensed", "extra", "heavy", "mono", "looped", "unjoined", "display");

    static final CoverFonts INSTANCE = new CoverFonts(FontFolders.system());

    private final Map<String, Font> bundled = new ConcurrentHashMap<>();

    private final Map<Integer, Optional<Font>> byCodePoint = new ConcurrentHashMap<>();

    private final Map<Sized, Font> sized = new ConcurrentHashMap<>();

    private final List<Path> dirs;

    /** Folder font files in search order, listed on first need. */
    private List<Path> files;

    /** Folder fonts loaded so far, in search order. */
    private final List<Font> loaded = new ArrayList<>();

    private int nextFile;

    private record Sized(Font font, float size) {
    }

    CoverFonts(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /**
     * The first font of the face's chain that draws {@code cp}, at {@code size}, or
     * {@code null} when no font has it (the character is left out: never a box).
     */
    Font find(Face face, int cp, float size) {
        for (String name : face.bundled) {
            Font font = bundled(name);
            if (font.canDisplay(cp)) {
                return at(font, size, false);
            }
        }
        Optional<Font> folder = byCodePoint.computeIfAbsent(cp, this::search);
        return folder.map(f -> at(f, size, face.bold())).orElse(null);
    }

    /** The face's first font at {@code size}. */
    Font primary(Face face, float size) {
        return at(bundled(face.bundled.getFirst()), size, false);
    }

    private Font at(Font font, float size, boolean bold) {
        return sized.computeIfAbsent(new Sized(font, bold ? -size : size),
                k -> bold ? font.deriveFont(Font.BOLD, size) : font.deriveFont(size));
    }

    private Font bundled(String name) {
        return bundled.computeIfAbsent(name, n -> {
            try (InputStream in = CoverFonts.class.getClassLoader().getResourceAsStream(DEJAVU + n)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font " + DEJAVU + n + " is not on the classpath");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
            catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot read bundled font " + n, e);
            }
        });
    }

    /**
     * The folders' fonts in order, loading files until one draws {@code cp};
     * synchronised, it runs once per character no bundled font has.
     */
    private synchronized Optional<Font> search(int cp) {
        for (Font font : loaded) {
            if (font.canDisplay(cp)) {
                return Optional.of(font);
            }
        }
        List<Path> all = files();
        while (nextFile < all.size()) {
            Path file = all.get(nextFile++);
            Optional<Font> found = Optional.empty();
            for (Font font : load(file)) {
                loaded.add(font);
                if (found.isEmpty() && font.canDisplay(cp)) {
                    found = Optional.of(font);
                }
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<Font> load(Path file) {
        try {
            return List.of(Font.createFonts(file.toFile()));
        }
        catch (IOException | FontFormatException | RuntimeException e) {
            return List.of(); // a font Java 2D cannot read adds nothing
        }
    }

    /**
     * Regular faces before styled ones, then the largest files first (a general font such
     * as WenQuanYi Zen Hei before one made for a small script).
     */
    private List<Path> files() {
        if (files == null) {
            List<Path> found = new ArrayList<>();
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir, 8, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(CoverFonts::usable).forEach(found::add);
                }
                catch (IOException | RuntimeException e) {
                    // an unreadable folder adds no fonts
                }
            }
            found.sort(Comparator.comparing((Path p) -> styled(p)).thenComparing(p -> -size(p)).thenComparing(p -> p));
            files = List.copyOf(found);
        }
        return files;
    }

    private static boolean usable(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".ttf") || name.endsWith(".ttc") || name.endsWith(".otf"))
                && UNUSABLE.stream().noneMatch(name::contains) && Files.isRegularFile(p);
    }

    private static boolean styled(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return STYLE_WORDS.stream().anyMatch(name::contains);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        }
        catch (IOException e) {
            return 0;
        }
    }

}
