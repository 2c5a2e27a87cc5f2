package dev.articleexporter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code exporter.images.*} properties: registered by the image loader, the default,
 * and a bad value refused in plain words.
 */
class ImagePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(ImageLoader.class);

    @Test
    void withNothingSetTheLimitHasItsDefault() {
        runner.run(context -> assertThat(context.getBean(ImageProperties.class).maxSize()).isEqualTo(1600));
    }

    @Test
    void theNameTheCommandLineSetsIsBound() {
        runner.withPropertyValues("exporter.images.max-size=16")
            .run(context -> assertThat(context.getBean(ImageProperties.class).maxSize()).isEqualTo(16));
    }

    @Test
    void aTooSmallLimitStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("exporter.images.max-size=15")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("exporter.images.max-size must be at least 16 pixels, not 15"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ImageLoader(15))
            .withMessage("exporter.images.max-size must be at least 16 pixels, not 15");
    }

}
