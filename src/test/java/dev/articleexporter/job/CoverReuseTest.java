package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article rendered again keeps the cover in the output when the cover would be drawn
 * from the same title, words, picture and settings: its text changed, not its cover.
 */
class CoverReuseTest {

    @TempDir
    Path work;

    private CliRun export(String... extra) {
        String[] base = { "export", "--input", work.resolve("input").toString(), "--output",
                work.resolve("output").toString(), "--db", work.resolve("data/exporter").toString(), "--formats",
                "epub" };
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void aCoverIsDrawnAgainOnlyWhenWhatItShowsChanged() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 1, 2);
        assertThat(export().out()).contains("2 read, 2 exported");
        Path cover = work.resolve("output/a-0-0.cover.jpg");
        Path thumbnail = work.resolve("output/a-0-0.thumb.jpg");
        // Stands in for the cover: it carries the same key. Kept, it shows the cover was
        // taken from the output, not drawn again.
        Path planted = Files.copy(thumbnail, work.resolve("planted.jpg"));
        Files.copy(planted, cover, StandardCopyOption.REPLACE_EXISTING);

        Path file = work.resolve("input/part-0000.json");
        Files.writeString(file,
                Files.readString(file).replaceFirst("Al-Sudani conveyed", "Al-Sudani clearly conveyed"));
        assertThat(export().out()).contains("2 read, 1 exported, 1 unchanged");
        assertThat(Files.mismatch(cover, planted)).as("the text changed: the cover is the one in the output")
            .isEqualTo(-1L);

        Files.writeString(file, Files.readString(file).replaceFirst("Al-Sudani clearly", "Al-Sudani plainly"));
        assertThat(export("--force").out()).contains("2 read, 2 exported");
        assertThat(width(cover)).as("--force draws every cover").isEqualTo(1600);

        Files.copy(planted, cover, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(file, Files.readString(file).replaceFirst("\"title\":\"Iraq", "\"title\":\"Now Iraq"));
        assertThat(export().out()).contains("2 read, 1 exported, 1 unchanged");
        assertThat(width(cover)).as("a new title: a new cover").isEqualTo(1600);
    }

    private static int width(Path jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(jpeg))).getWidth();
    }

}
