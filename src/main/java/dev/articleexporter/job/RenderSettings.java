package dev.articleexporter.job;

import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.render.OutputFormats.Format;
import dev.articleexporter.render.pdf.PdfProperties;
import dev.articleexporter.rules.ImageProperties;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Everything besides an article's content that changes its output files: the formats and
 * their versions, the application version, page size, image limit, font folders, the PDF
 * profile and the cover design ({@link CoverMaker#DESIGN_VERSION}: a new design renders
 * every article once). Part of the fingerprint that lets an incremental run skip an
 * unchanged article. Here, above both, because it reads the settings of the PDF format
 * ({@link PdfProperties}) and of the rules ({@link ImageProperties}).
 */
@Component
@EnableConfigurationProperties({ PdfProperties.class, ImageProperties.class })
public class RenderSettings {

    private final String settings;

    public RenderSettings(PdfProperties pdf, ImageProperties images) {
        String app = RenderSettings.class.getPackage().getImplementationVersion();
        // the same text as before the settings had types, so that an upgrade does not
        // render every article again
        this.settings = "app=" + (app == null ? "dev" : app) + "|page=" + pdf.pageSize().toUpperCase(Locale.ROOT)
                + "|images=" + images.maxSize() + "|fonts=" + pdf.fontDirs() + "|profile="
                + pdf.profile().name().toLowerCase(Locale.ROOT);
    }

    /** A string that differs whenever outputs made with these formats could differ. */
    public String fingerprint(List<Format> formats) {
        return formats.stream().map(f -> f.name() + ":" + f.version()).collect(Collectors.joining(",")) + "|" + settings
                + "|cover=" + CoverMaker.DESIGN_VERSION;
    }

}
