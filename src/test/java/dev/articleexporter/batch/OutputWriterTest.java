package dev.articleexporter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.articleexporter.article.Origin;
import dev.articleexporter.batch.Exported.RenderedFile;
import dev.articleexporter.runs.ExportedArticle;
import dev.articleexporter.runs.RunArticles;
import dev.articleexporter.runs.RunProblems;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Files appear whole or not at all, even when the disk fills up mid-write. */
class OutputWriterTest {

    private static Exported article(String stem, int bytes) {
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) 'x');
        return new Exported(new Origin("in.json", 1), new ExportedArticle(stem, stem, "in.json #1", "T", null, null, "en", false, null),
                List.of(new RenderedFile(stem + ".pdf", content)), List.of());
    }

    @Test
    void aFullDiskLeavesNoPartialFileAndSaysWhichPath() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(256 * 1024).setBlockSize(4096).build())) {
            Path folder = disk.getPath("/srv/exports");
            OutputWriter writer = new OutputWriter(folder, mock(RunProblems.class), mock(RunArticles.class), 1, 1);
            writer.open(new ExecutionContext());
            writer.write(new Chunk<>(List.of(article("first", 100_000))));

            assertThatThrownBy(() -> writer.write(new Chunk<>(List.of(article("second", 400_000)))))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot write /srv/exports/second.pdf: ");

            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("first.pdf");
            }
            assertThat(Files.size(folder.resolve("first.pdf"))).isEqualTo(100_000);
        }
    }

    @Test
    void leftoversOfAKilledRunAreRemovedWhenTheNextOpens() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path folder = Files.createDirectories(disk.getPath("/out"));
            Files.writeString(folder.resolve(".article-exporter-1234.part"), "half");
            Files.writeString(folder.resolve("keep.pdf"), "a finished file");
            new OutputWriter(folder, mock(RunProblems.class), mock(RunArticles.class), 1, 1).open(new ExecutionContext());
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("keep.pdf");
            }
        }
    }
}
