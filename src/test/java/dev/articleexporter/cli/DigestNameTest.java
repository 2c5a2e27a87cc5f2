package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article whose id is tonight's digest name does not overwrite the digest, nor the
 * other way round.
 */
class DigestNameTest {

    @TempDir
    Path work;

    @Test
    void anArticleNamedLikeTheDigestKeepsItsOwnFiles() throws IOException {
        String digest = "digest-" + LocalDate.now() + "-run-1";
        Path input = Files.createDirectories(work.resolve("input"));
        Files.writeString(input.resolve("a.json"), """
                [{"id": "%s", "title": "Impostor", "section": "News", "intro": "I am an article."},
                 {"id": "other", "title": "Other", "section": "News", "intro": "Text."}]
                """.formatted(digest));
        Path output = work.resolve("out");

        CliRun run = CliRun.of("export", "--digest", "--input", input.toString(), "--output", output.toString(), "--db",
                work.resolve("db/x").toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("Digest:  " + digest + ".epub and .pdf: 2 articles");
        try (Stream<Path> files = Files.list(output)) {
            // three of each: EPUB, PDF, cover, thumbnail
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()).hasSize(12)
                .contains(digest + ".epub", digest + ".pdf", digest + ".cover.jpg", digest + ".thumb.jpg", "other.epub",
                        "other.pdf", "other.cover.jpg")
                .anyMatch(n -> n.matches(digest + "-[0-9a-f]{8}\\.pdf"));
        }
        assertThat(EpubCheckAssert.assertAllValid(output)).isEqualTo(3);
    }

}
