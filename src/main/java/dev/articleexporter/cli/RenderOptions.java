package dev.articleexporter.cli;

import dev.articleexporter.model.RelatedMode;
import picocli.CommandLine.Option;

/**
 * How articles are rendered: the options {@code export}, {@code validate} and
 * {@code serve} share. {@code --related} is a setting of the run (kept in its job
 * parameters), the others are the rendering's ({@link RenderingOptions}).
 */
class RenderOptions extends RenderingOptions {

    @Option(names = "--related", paramLabel = "keep|drop", defaultValue = "keep",
            description = "Keep or drop the closing 'More from <site>' list (default: ${DEFAULT-VALUE}).")
    RelatedMode related;

}
