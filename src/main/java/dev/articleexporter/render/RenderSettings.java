package dev.articleexporter.render;

import dev.articleexporter.render.OutputFormats.Format;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Everything besides an article's content that changes its output files: the formats and their
 * versions, the application version, page size, image limit and font folders. Part of the
 * fingerprint that lets an incremental run skip an unchanged article.
 */
@Component
public class RenderSettings {

    private final String settings;

    public RenderSettings(@Value("${exporter.pdf.page-size:A4}") String pageSize,
                          @Value("${exporter.images.max-size:1600}") int maxImageSize,
                          @Value("${exporter.pdf.font-dirs:}") String fontDirs) {
        String app = RenderSettings.class.getPackage().getImplementationVersion();
        this.settings = "app=" + (app == null ? "dev" : app) + "|page=" + pageSize.toUpperCase(java.util.Locale.ROOT)
                + "|images=" + maxImageSize + "|fonts=" + fontDirs;
    }

    /** A string that differs whenever outputs made with these formats could differ. */
    public String fingerprint(List<Format> formats) {
        return formats.stream().map(f -> f.name() + ":" + f.version()).collect(Collectors.joining(",")) + "|" + settings;
    }
}
