package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes sample PDFs to look at and times rendering; runs only when asked:
 * {@code ./mvnw -Dbuild.dir=target-pdf test -Dtest=PdfLook -Dpdf.look.dir=/tmp/pdf-look}.
 */
@EnabledIfSystemProperty(named = "pdf.look.dir", matches = ".+")
class PdfLook {

    @Test
    void writeSamplesAndTime() throws Exception {
        Path dir = Path.of(System.getProperty("pdf.look.dir"));
        Files.createDirectories(dir);
        for (String size : new String[] { "A4", "letter" }) {
            PdfRenderer renderer = new PdfRenderer(size);
            for (Story d : new Story[] { TestStories.harbourTowns(), LongDigest.build(), TestStories.minimal(),
                    TestStories.hostileText(), TestStories.everyScript(), TestStories.arabic() }) {
                try (OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve(d.id() + "-" + size + ".pdf")))) {
                    renderer.render(d, out);
                }
            }
        }
        PdfRenderer renderer = new PdfRenderer();
        Story small = TestStories.harbourTowns();
        Story big = LongDigest.build();
        long bytes = 0;
        for (int i = 0; i < 3000; i++) { // warm up
            bytes += PdfRendererTest.render(renderer, i % 2 == 0 ? small : big).length;
        }
        for (Story d : new Story[] { small, big }) {
            int n = 2000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                bytes += PdfRendererTest.render(renderer, d).length;
            }
            double ms = (System.nanoTime() - t0) / 1e6 / n;
            System.out.printf("PDF-LOOK %s: %.2f ms per render, %d bytes%n", d.id(), ms,
                    PdfRendererTest.render(renderer, d).length);
        }
        System.out.println("PDF-LOOK total bytes " + bytes);
    }

}
