package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.render.OutputFormats.Format;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The job's {@code exporter.*} properties: their defaults in one place, and a bad value
 * refused in plain words; and the fingerprint of the render settings, which reads the PDF
 * format's and the rules' own.
 */
class ExporterPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExporterProperties.class)
    static class Bound {

    }

    @Configuration(proxyBeanMethods = false)
    @Import(RenderSettings.class)
    static class Settings {

    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void withNothingSetEveryPropertyHasItsDefault() {
        runner.run(context -> {
            ExporterProperties properties = context.getBean(ExporterProperties.class);
            assertThat(properties.threads()).isZero();
            assertThat(properties.partitions()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(properties.render().timeLimit()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.digest().maxArticles()).isEqualTo(200);
            assertThat(properties.digest().timeZone()).isEmpty();
            assertThat(properties.progress()).isFalse();
        });
    }

    @Test
    void theNamesTheCommandLineSetsAreBound() {
        runner
            .withPropertyValues("exporter.threads=3", "exporter.render.time-limit=5s", "exporter.digest.max-articles=2",
                    "exporter.digest.time-zone=Europe/Paris", "exporter.progress=true")
            .run(context -> {
                ExporterProperties properties = context.getBean(ExporterProperties.class);
                assertThat(properties.partitions()).isEqualTo(3);
                assertThat(properties.render().timeLimit()).isEqualTo(Duration.ofSeconds(5));
                assertThat(properties.digest().maxArticles()).isEqualTo(2);
                assertThat(properties.digest().zone().getId()).isEqualTo("Europe/Paris");
                assertThat(properties.progress()).isTrue();
            });
    }

    @Test
    void aBadValueStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("exporter.threads=65")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("exporter.threads must be 0 (one per CPU core) or 1 to 64, not 65"));
        runner.withPropertyValues("exporter.digest.max-articles=0")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("exporter.digest.max-articles must be at least 1, not 0"));
        runner.withPropertyValues("exporter.digest.time-zone=Mars/Olympus")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("exporter.digest.time-zone is not a time zone: Mars/Olympus"));
    }

    @Test
    void theRenderSettingsRegisterAndReadThePropertiesOfTheFormatAndTheRules() {
        List<Format> formats = List.of(new Format("pdf", "pdf", "application/pdf", "2", null));
        ApplicationContextRunner settings = new ApplicationContextRunner().withUserConfiguration(Settings.class);
        settings.run(context -> assertThat(context.getBean(RenderSettings.class).fingerprint(formats))
            .isEqualTo("pdf:2|app=dev|page=A4|images=1600|fonts=|profile=archive|cover=" + CoverMaker.DESIGN_VERSION));
        settings
            .withPropertyValues("exporter.pdf.page-size=letter", "exporter.images.max-size=800",
                    "exporter.pdf.font-dirs=/f", "exporter.pdf.profile=none")
            .run(context -> assertThat(context.getBean(RenderSettings.class).fingerprint(formats)).isEqualTo(
                    "pdf:2|app=dev|page=LETTER|images=800|fonts=/f|profile=none|cover=" + CoverMaker.DESIGN_VERSION));
    }

}
