package dev.articleexporter.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code exporter.pdf.*} properties: registered by the renderer, their defaults (the
 * archival profile among them), and a bad page size refused in plain words.
 */
class PdfPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(PdfRenderer.class);

    @Test
    void withNothingSetEveryPropertyHasItsDefault() {
        runner.run(context -> assertThat(context.getBean(PdfProperties.class))
            .isEqualTo(new PdfProperties("A4", "", PdfProfile.ARCHIVE)));
    }

    @Test
    void theNamesTheCommandLineSetsAreBound() {
        runner
            .withPropertyValues("exporter.pdf.page-size=LETTER",
                    "exporter.pdf.font-dirs=" + System.getProperty("java.io.tmpdir"), "exporter.pdf.profile=none")
            .run(context -> assertThat(context.getBean(PdfProperties.class))
                .isEqualTo(new PdfProperties("LETTER", System.getProperty("java.io.tmpdir"), PdfProfile.NONE)));
    }

    @Test
    void aBadPageSizeStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("exporter.pdf.page-size=A3")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("Unsupported PDF page size 'A3' (exporter.pdf.page-size): use A4 or letter"));
    }

}
