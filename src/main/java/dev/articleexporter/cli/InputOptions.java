package dev.articleexporter.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options {@code export} and {@code validate} share: what to read and how to render it. */
class InputOptions {

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input",
            description = "Folder of *.json article files (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--formats", paramLabel = "LIST", split = ",", defaultValue = "pdf,epub",
            description = "Output formats, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--fonts", paramLabel = "DIR", split = ",",
            description = "Extra font folders for the PDF, searched after the bundled and system fonts, "
                    + "for characters those do not cover.")
    List<Path> fonts;

    /** The value of the {@code exporter.pdf.font-dirs} property. */
    String fontDirs() {
        return fonts == null ? "" : String.join(",", fonts.stream().map(Path::toString).toList());
    }
}
