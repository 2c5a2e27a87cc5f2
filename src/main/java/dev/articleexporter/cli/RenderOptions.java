package dev.articleexporter.cli;

import dev.articleexporter.model.RelatedMode;
import java.util.Map;
import picocli.CommandLine.Option;

/** How articles are rendered: options {@code export}, {@code validate} and {@code serve} share. */
class RenderOptions {

    /** {@code --page-size}. */
    enum PageSize { A4, LETTER }

    @Option(names = "--related", paramLabel = "keep|drop", defaultValue = "keep",
            description = "Keep or drop the closing 'More from <site>' list (default: ${DEFAULT-VALUE}).")
    RelatedMode related;

    @Option(names = "--page-size", paramLabel = "A4|letter", defaultValue = "A4",
            description = "PDF page size (default: ${DEFAULT-VALUE}).")
    PageSize pageSize;

    @Option(names = "--max-image-size", paramLabel = "PX", defaultValue = "1600",
            description = "Longest side in pixels an image keeps; larger ones are downscaled (default: ${DEFAULT-VALUE}).")
    int maxImageSize;

    @Option(names = "--article-time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest time one article may take to process and render; an article that takes longer is "
                    + "rejected and the run goes on (default: ${DEFAULT-VALUE}).")
    int articleTimeLimit;

    /** What is wrong with these options, or {@code null}. */
    String problem() {
        if (maxImageSize < 16) {
            return "--max-image-size must be at least 16 pixels";
        }
        if (articleTimeLimit < 1 || articleTimeLimit > 86_400) {
            return "--article-time-limit must be 1 to 86400 seconds, not " + articleTimeLimit;
        }
        return null;
    }

    /** The application properties they set. */
    void putProperties(Map<String, Object> properties) {
        properties.put("exporter.pdf.page-size", pageSize.name());
        properties.put("exporter.images.max-size", maxImageSize);
        properties.put("exporter.render.time-limit", articleTimeLimit + "s");
    }
}
