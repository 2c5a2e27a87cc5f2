package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.render.pdf.PdfJudge;
import dev.articleexporter.testing.ChildJvm;
import dev.articleexporter.testing.PdfReadBack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A 3,000-slide article exported by a real process limited to a 256 MB heap. */
class LargeArticleTest {

    private static final int SLIDES = 3_000;

    @TempDir
    Path work;

    @Test
    void threeThousandSlidesExportWithA256MbHeap() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode article = json.createObjectNode()
            .put("id", "archive")
            .put("title", "The Whole Archive")
            .put("site", "Example Desk");
        ArrayNode slides = article.putArray("slides");
        for (int i = 1; i <= SLIDES; i++) {
            ObjectNode slide = slides.addObject().put("heading", "Slide " + i).put("credit", "Credit: DepositPhotos");
            slide.putArray("body")
                .add("First paragraph of slide " + i + ", long enough to wrap onto a second line of the page.")
                .add("Second paragraph of slide " + i + ".");
        }
        Path input = Files.createDirectories(work.resolve("input"));
        json.writeValue(input.resolve("archive.json").toFile(), article);

        Process child = ChildJvm.start(List.of("-Xmx256m"), work.resolve("child.log"), "export", "--input",
                input.toString(), "--output", work.resolve("output").toString(), "--db",
                work.resolve("data/exporter").toString());
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(work.resolve("child.log"))).isZero();

        PdfReadBack pdf = PdfReadBack.of(work.resolve("output/archive.pdf"));
        assertThat(pdf.outline()).hasSize(SLIDES);
        assertThat(pdf.outline().getLast()).contains("Slide " + SLIDES);

        Path epub = work.resolve("output/archive.epub");
        EpubCheckAssert.assertValid(epub);
        PdfJudge.assertConforms(work.resolve("output/archive.pdf"));
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            assertThat(zip.stream().filter(e -> e.getName().endsWith(".xhtml")))
                .allSatisfy(e -> assertThat(e.getSize()).as(e.getName()).isLessThanOrEqualTo(250 * 1024));
        }
    }

}
