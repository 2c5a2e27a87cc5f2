package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.articleexporter.model.TestStories;
import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The renderer as Spring makes it: the page size comes from exporter.pdf.page-size. */
class PdfRendererSpringTest {

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(PdfRenderer.class);

    @Test
    void pageSizeProperty() {
        runner.withPropertyValues("exporter.pdf.page-size=Letter")
            .run(ctx -> assertEquals(612, width(ctx.getBean(PdfRenderer.class))));
        runner.run(ctx -> assertEquals(595, width(ctx.getBean(PdfRenderer.class))));
    }

    @Test
    void badPageSizeFailsStartup() {
        runner.withPropertyValues("exporter.pdf.page-size=A3").run(ctx -> {
            assertNotNull(ctx.getStartupFailure());
            Throwable root = ctx.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals(IllegalArgumentException.class, root.getClass());
        });
    }

    private static int width(PdfRenderer renderer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(TestStories.minimal(), out);
        try (PDDocument pdf = Loader.loadPDF(JUDGED.add("minimal", out.toByteArray()))) {
            return Math.round(pdf.getPage(0).getMediaBox().getWidth());
        }
    }

}
