package dev.articleexporter.cli;

import dev.articleexporter.job.ExporterProperties.Defaults;
import dev.articleexporter.render.pdf.PdfProfile;
import dev.articleexporter.render.pdf.PdfProperties;
import dev.articleexporter.rules.ImageProperties;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How articles are rendered, as application properties: options every command that
 * renders shares ({@code export}, {@code validate}, {@code serve}, {@code worker}). Their
 * defaults are the properties' ({@link PdfProperties}, {@link ImageProperties},
 * {@link dev.articleexporter.job.ExporterProperties}). A remote run's workers must be
 * given the same values as its manager.
 */
class RenderingOptions {

    /** {@code --page-size}. */
    enum PageSize {

        A4, LETTER

    }

    @Option(names = "--page-size", paramLabel = "A4|letter", defaultValue = PdfProperties.DEFAULT_PAGE_SIZE,
            description = "PDF page size (default: ${DEFAULT-VALUE}).")
    PageSize pageSize;

    @Option(names = "--pdf-profile", paramLabel = "archive|none", defaultValue = PdfProfile.DEFAULT,
            description = "What the PDF claims: archive = PDF/A-2a and tagged PDF/UA-1 (accessible, archival); "
                    + "none = a plain PDF, the smallest file (default: ${DEFAULT-VALUE}).")
    PdfProfile pdfProfile;

    @Option(names = "--max-image-size", paramLabel = "PX", defaultValue = ImageProperties.DEFAULT_MAX_SIZE,
            description = "Longest side in pixels an image keeps; larger ones are downscaled (default: ${DEFAULT-VALUE}).")
    int maxImageSize;

    @Option(names = "--article-time-limit", paramLabel = "SECONDS", defaultValue = Defaults.TIME_LIMIT_SECONDS,
            description = "Longest time one article may take to process and render; an article that takes longer is "
                    + "rejected and the run goes on (default: ${DEFAULT-VALUE}).")
    int articleTimeLimit;

    /** What is wrong with these options, or {@code null}. */
    String problem() {
        if (maxImageSize < ImageProperties.MIN_SIZE) {
            return "--max-image-size must be at least " + ImageProperties.MIN_SIZE + " pixels";
        }
        if (articleTimeLimit < 1 || articleTimeLimit > 86_400) {
            return "--article-time-limit must be 1 to 86400 seconds, not " + articleTimeLimit;
        }
        return null;
    }

    /** The application properties they set. */
    void putProperties(Map<String, Object> properties) {
        properties.put("exporter.pdf.page-size", pageSize.name());
        properties.put("exporter.pdf.profile", pdfProfile.name());
        properties.put("exporter.images.max-size", maxImageSize);
        properties.put("exporter.render.time-limit", articleTimeLimit + "s");
    }

}
