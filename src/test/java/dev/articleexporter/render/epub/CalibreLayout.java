package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a 6-inch e-reader lays a book out, reproducibly: calibre's {@code ebook-convert}
 * prints the EPUB to a PDF of a 6-inch screen's text area (3.6 × 4.8 inches, 12 pt text),
 * and poppler counts and reads its pages.
 *
 * <p>
 * Margins are set to 18 pt (a quarter inch), about what Kindle and Kobo leave at their
 * default settings: calibre's default of 72 pt is meant for letter paper and would leave
 * 1.6 of the 3.6 inches for text (today's sample article: 34 pages with it, 21 at 18 or
 * 36 pt, where one page per slide is what counts).
 */
final class CalibreLayout {

    static final String CALIBRE = "calibre (apt-get install calibre); .ci/run installs it";

    static final String POPPLER = "poppler-utils (apt-get install poppler-utils)";

    static final String MARGIN_POINTS = "18";

    private CalibreLayout() {
    }

    /**
     * The PDF and the text of each of its pages, in order.
     *
     * @param took how long {@code ebook-convert} took
     */
    record Pages(Path pdf, List<String> texts, Duration took) {

        int count() {
            return texts.size();
        }
    }

    /** Prints {@code epub} to {@code dir/<name>.pdf} and reads it back. */
    static Pages layOut(Path epub, Path dir, String name) throws IOException, InterruptedException {
        Path convert = ExternalTool.find("ebook-convert", CALIBRE);
        Path pdfinfo = ExternalTool.find("pdfinfo", POPPLER);
        Path pdftotext = ExternalTool.find("pdftotext", POPPLER);
        Path pdf = dir.resolve(name + ".pdf");
        // calibre renders with QtWebEngine, whose Chromium refuses root with a sandbox.
        Map<String, String> env = ExternalTool.root() ? Map.of("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox") : Map.of();
        List<String> command = new ArrayList<>(List.of(convert.toString(), epub.toString(), pdf.toString(),
                "--custom-size", "3.6x4.8", "--unit", "inch", "--pdf-default-font-size", "12"));
        for (String side : List.of("left", "right", "top", "bottom")) {
            command.addAll(List.of("--pdf-page-margin-" + side, MARGIN_POINTS));
        }
        ExternalTool.Run converted = ExternalTool.runOk(dir, "ebook-convert", Duration.ofMinutes(3), env, command);
        if (!Files.isRegularFile(pdf)) {
            fail("ebook-convert wrote no " + pdf + ":\n" + converted.tail());
        }
        ExternalTool.Run info = ExternalTool.runOk(dir, "pdfinfo", Duration.ofMinutes(1), Map.of(),
                List.of(pdfinfo.toString(), pdf.toString()));
        Matcher pages = Pattern.compile("(?m)^Pages:\\s+(\\d+)").matcher(info.output());
        if (!pages.find()) {
            fail("pdfinfo gave no page count:\n" + info.output());
        }
        int count = Integer.parseInt(pages.group(1));
        Path text = dir.resolve(name + ".txt");
        ExternalTool.runOk(dir, "pdftotext", Duration.ofMinutes(1), Map.of(),
                List.of(pdftotext.toString(), "-layout", "-enc", "UTF-8", pdf.toString(), text.toString()));
        // pdftotext ends every page with a form feed.
        List<String> texts = new ArrayList<>(List.of(Files.readString(text).split("\f", -1)));
        if (!texts.isEmpty() && texts.getLast().isBlank()) {
            texts.removeLast();
        }
        if (texts.size() != count) {
            fail("pdfinfo counts " + count + " pages, pdftotext gave " + texts.size());
        }
        return new Pages(pdf, List.copyOf(texts), converted.took());
    }

    /**
     * Pictures of the pages ({@code page-NN.png} at 60 dpi) in {@code dir}, for a person
     * to look at.
     */
    static void pictures(Path pdf, Path dir) throws IOException, InterruptedException {
        Path pdftoppm = ExternalTool.find("pdftoppm", POPPLER);
        ExternalTool.runOk(dir, "pdftoppm", Duration.ofMinutes(2), Map.of(),
                List.of(pdftoppm.toString(), "-r", "60", "-png", pdf.toString(), dir.resolve("page").toString()));
    }

    /**
     * The heading, of {@code headings}, that a page's text ends with (whole, or its first
     * lines when it wraps), if any: a heading stranded at the foot of a page, its text on
     * the next. A heading may be numbered ("3. Heading").
     */
    static Optional<String> headingAtFoot(String page, List<String> headings) {
        List<String> lines = page.lines().map(CalibreLayout::normalise).filter(l -> !l.isEmpty()).toList();
        for (int last = 1; last <= Math.min(4, lines.size()); last++) {
            String foot = String.join(" ", lines.subList(lines.size() - last, lines.size()));
            String unnumbered = foot.replaceFirst("^\\d+[.:)]?\\s+", "");
            for (String heading : headings) {
                String h = normalise(heading);
                for (String tail : List.of(foot, unnumbered)) {
                    if (h.equals(tail) || h.startsWith(tail + " ")) {
                        return Optional.of(heading);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Text as compared: compatibility forms folded (ligatures), white space collapsed.
     */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }

}
