package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A folder the web tests serve: {@code input/} with the bundled samples, a file that is
 * not JSON an article whose text is markup and one whose file name is not ASCII;
 * {@code output/} filled by one real export; the history in
 * {@code output/exporter.mv.db}, inside the served folder on purpose (it must never be
 * served).
 */
public final class ServedFolder {

    static final String UNICODE_STEM = "été-à-paris";
    static final String HOSTILE_TITLE = "<script>alert('x')</script> & <b>Bold</b> claims";

    private ServedFolder() {
    }

    public static Path input(Path work) {
        return work.resolve("input");
    }

    public static Path output(Path work) {
        return work.resolve("output");
    }

    public static Path database(Path work) {
        return work.resolve("output/exporter");
    }

    /**
     * Makes the input (5 articles, one broken file, and {@code extraArticles} briefs) and
     * exports it once (run 1).
     */
    public static void exportSamples(Path work, int extraArticles) throws IOException {
        Path input = input(work);
        copyFolder(Path.of("input"), input);
        Files.writeString(input.resolve("broken.json"), "{ \"title\": \"Half an article\", ");
        Files.writeString(input.resolve("hostile.json"), """
                {"id": "hostile-markup", "title": %s, "section": "Politics", "intro": "<img src=x onerror=alert(1)>"}
                """.formatted(JsonMapper.builder().build().writeValueAsString(HOSTILE_TITLE)));
        // A name with letters beyond ASCII: a URL-encoded link and an RFC 5987 file name.
        Files.writeString(input.resolve("unicode.json"), """
                {"id": "%s", "title": "Été à Paris", "section": "Travel", "intro": "Terrasses et quais."}
                """.formatted(UNICODE_STEM));
        if (extraArticles > 0) {
            JsonMapper json = JsonMapper.builder().build();
            ArrayNode array = json.createArrayNode();
            for (int n = 1; n <= extraArticles; n++) {
                array.addObject()
                    .put("id", String.format("brief-%03d", n))
                    .put("title", "Market brief number " + n)
                    .put("section", n % 2 == 0 ? "Markets" : "Business")
                    .put("intro", "Short brief " + n + ".");
            }
            json.writeValue(input.resolve("zz-briefs.json").toFile(), array);
        }
        CliRun run = CliRun.of("export", "--input", input.toString(), "--output", output(work).toString(), "--db",
                database(work).toString());
        // broken.json is rejected
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
    }

    /** Points a test's server at the folder. */
    public static void properties(DynamicPropertyRegistry registry, Path work) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + database(work));
        registry.add("spring.batch.jdbc.initialize-schema", () -> "never");
        registry.add("exporter.serve.input", () -> input(work).toString());
        registry.add("exporter.serve.output", () -> output(work).toString());
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

}
