package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.PdfReadBack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night of messy feeds: every bad input is named with its reason, the rest is exported,
 * nothing escapes the output folder.
 */
class BadInputTest {

    private static final String MARKUP = "<script>alert('x')</script> <img src=x onerror=alert(1)> ]]> <!-- c --> &amp;";

    @TempDir
    Path work;

    private Path input;

    private Path output;

    private String out;

    private String err;

    private int cli(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @BeforeEach
    void messyFeeds() throws IOException {
        input = Files.createDirectories(work.resolve("feeds/input"));
        output = work.resolve("feeds/output");
        Files.copy(Path.of("input/images/harbour-dawn.png"), input.resolve("ok.png"));
        Files.write(input.resolve("broken.png"),
                java.util.Arrays.copyOf(Files.readAllBytes(input.resolve("ok.png")), 600));
        Files.writeString(input.resolve("a-hostile.json"),
                """
                        [
                          {"id": "../../escape", "title": "Dots"},
                          {"id": "/etc/passwd", "title": "Absolute"},
                          {"id": "a/b\\\\c:d*?", "title": "Punctuation"},
                          {"id": "a:b/c\\\\d*?", "title": "Same after cleaning"},
                          {"id": "CON", "title": "Device"},
                          {"id": "%s", "title": "Long"},
                          {"id": "", "title": "Empty Id Gets A Slug"},
                          {"id": "markup", "title": "%s", "intro": "%s",
                           "slides": [{"heading": "%s", "body": ["%s", "Bell\\u0007 rings"], "credit": "Credit: %s",
                                       "image": {"src": "broken.png", "alt": "%s"}},
                                      {"heading": "Fine picture", "body": "Text.", "image": {"src": "ok.png", "alt": "ok"}},
                                      {"heading": "Escaping picture", "body": "Text.", "image": {"src": "../../../etc/hosts", "alt": "no"}}]}
                        ]
                        """
                    .formatted("x".repeat(400), esc(MARKUP), esc(MARKUP), esc(MARKUP), esc(MARKUP), esc(MARKUP),
                            esc(MARKUP)));
        Files.writeString(input.resolve("b-duplicate.json"),
                "{\"id\": \"markup\", \"title\": \"Second with the same id\"}");
        Files.writeString(input.resolve("c-broken.json"), "{\"title\": \"Broken\",\n  \"slides\": [}");
        Files.writeString(input.resolve("d-types.json"),
                "[{\"title\": \"Fine\"}, {\"title\": \"Types\", \"slides\": \"one slide\"}]");
        Files.writeString(input.resolve("e-untitled.json"),
                "{\"id\": \"untitled\", \"slides\": [{\"body\": \"text\"}]}");
        Files.write(input.resolve("f-binary.json"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff });
        Files.writeString(input.resolve("g-empty.json"), "[]");
        Files.writeString(input.resolve("notes.txt"), "not an input");
        Files.createDirectories(output);
        Files.writeString(output.resolve(".article-exporter-0000.part"), "half a file from a killed run");
    }

    private static String esc(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Test
    void everyProblemIsNamedTheRestIsExportedAndNothingLeavesTheOutputFolder() throws IOException {
        int code = cli("export", "--input", input.toString(), "--output", output.toString(), "--db",
                work.resolve("data/db").toString());

        assertThat(code).as(out + err).isEqualTo(Cli.REJECTED);
        assertThat(out).contains("14 read, 9 exported, 5 rejected");
        assertThat(out).contains(
                "b-duplicate.json (markup): duplicate id: the article at a-hostile.json #8 has the same id; only the first one is exported",
                "c-broken.json: not valid JSON: line 2, column ", "d-types.json #2: not a valid article: ",
                "(at $.slides)", "e-untitled.json (untitled): the article has no title (\"title\" is required)",
                "f-binary.json: not valid JSON: line 1, column ");
        // Eight articles of a-hostile.json have no content: the warning is shown three
        // times, the rest counted.
        assertThat(out).contains("a-hostile.json #3 (a/b\\c:d*?): the article has no intro and no slides",
                "  … and 5 more like it");
        assertThat(out)
            .doesNotContain("a-hostile.json #7 (Empty Id Gets A Slug): the article has no intro and no slides");
        assertThat(out).contains(
                "a-hostile.json #8 (markup): removed 1 character not allowed in XML (U+0007) from $.slides[0].body[1]",
                "a-hostile.json #8 (markup): slide 1: image broken.png: corrupt image/png",
                "a-hostile.json #8 (markup): slide 3: image ../../../etc/hosts: refused: the path leads outside the input folder");

        // Only outputs, only in the output folder, with safe bounded names; the leftover
        // temp file is gone.
        try (Stream<Path> everything = Files.walk(work)) {
            List<String> outsideInput = everything.filter(Files::isRegularFile)
                .filter(f -> !f.startsWith(input))
                .filter(f -> !f.startsWith(work.resolve("data")))
                .map(f -> work.relativize(f).toString())
                .toList();
            // 9 articles: PDF, EPUB, cover, thumbnail; and the lock file
            assertThat(outsideInput).allMatch(f -> f.startsWith("feeds/output/")).hasSize(9 * 4 + 1);
        }
        try (Stream<Path> files = Files.list(output)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                .filter(n -> !n.startsWith(".article-exporter.lock"))
                .toList();
            assertThat(names)
                .allMatch(n -> n.matches("[\\p{L}\\p{N}_][\\p{L}\\p{N}._-]*\\.(pdf|epub|cover\\.jpg|thumb\\.jpg)")
                        && n.replaceFirst("\\.(pdf|epub|cover\\.jpg|thumb\\.jpg)$", "").length() <= 120)
                .contains("markup.pdf", "fine.epub", "empty-id-gets-a-slug.pdf")
                .anyMatch(n -> n.startsWith("_CON-"))
                .anyMatch(n -> n.startsWith("escape-"))
                .noneMatch(n -> n.endsWith(".part"));
            // two ids, two formats, distinct names
            assertThat(names.stream().filter(n -> n.startsWith("a-b-c-d-"))).hasSize(8);
        }

        // Markup from the input is text in both formats, never markup.
        assertThat(EpubCheckAssert.assertAllValid(output)).isEqualTo(9);
        PdfReadBack pdf = PdfReadBack.of(output.resolve("markup.pdf"));
        assertThat(pdf.bodyText()).contains(MARKUP);
        assertThat(pdf.title()).isEqualTo(MARKUP);

        // The same problems are kept in the history and the log.
        assertThat(cli("runs", "--db", work.resolve("data/db").toString(), "--run", "1")).isZero();
        assertThat(out).contains("REJECTED  c-broken.json: not valid JSON: line 2",
                "WARNING  a-hostile.json #8 (markup): slide 1: image broken.png");
        assertThat(Files.readString(work.resolve("data/article-exporter.log")))
            .contains("Rejected e-untitled.json (untitled): the article has no title")
            .contains("a-hostile.json #8 (markup): slide 3: image ../../../etc/hosts: refused");
    }

    @Test
    void validateReportsEveryProblemAndWritesNothing() throws IOException {
        assertThat(cli("validate", "--input", input.toString())).isEqualTo(Cli.REJECTED);
        assertThat(out).contains("REJECTED  c-broken.json: not valid JSON",
                "REJECTED  b-duplicate.json (markup): duplicate id",
                "WARNING  a-hostile.json #8 (markup): slide 1: image broken.png: corrupt image/png",
                "14 articles checked in " + input + ": 9 would be exported, 5 rejected, 11 warnings.");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(".article-exporter-0000.part");
        }
        assertThat(work.resolve("data")).doesNotExist();

        Path clean = Files.createDirectories(work.resolve("clean"));
        Files.writeString(clean.resolve("one.json"),
                "{\"id\": \"one\", \"title\": \"One\", \"slides\": [{\"heading\": \"H\", \"body\": \"B\"}]}");
        assertThat(cli("validate", "--input", clean.toString())).isEqualTo(Cli.OK);
        assertThat(out).contains("1 article checked in " + clean + ": 1 would be exported, 0 rejected, 0 warnings.");
    }

}
