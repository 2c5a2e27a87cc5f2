package dev.articleexporter.cli;

import dev.articleexporter.digest.RelatedMode;
import java.util.Map;
import picocli.CommandLine.Option;

/** How articles are rendered: options {@code export} and {@code serve} share. */
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

    /** What is wrong with these options, or {@code null}. */
    String problem() {
        return maxImageSize < 16 ? "--max-image-size must be at least 16 pixels" : null;
    }

    /** The application properties they set. */
    void putProperties(Map<String, Object> properties) {
        properties.put("exporter.pdf.page-size", pageSize.name());
        properties.put("exporter.images.max-size", maxImageSize);
    }
}
